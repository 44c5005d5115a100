import type { Choices } from './consent-store-types';
import { readCookie } from './cookie';
import { deleteCookie } from './delete-cookie';
import type { Policy, PolicyStorageItem, StorageKind } from './policy';
import { decodeStoredValue } from './storage-envelope';
import { matchesStorageName } from './storage-name';
import { storageKeys, webStorage } from './web-storage';

/** One cookie or Web Storage item this browser holds, as the page can see it. */
export interface StoredItem {
  readonly name: string;
  readonly kind: StorageKind;
  /** The raw value (cookies undecoded). */
  readonly value: string;
}

/** What an audit can find wrong with a stored item. */
export type AuditProblem = 'undeclared' | 'not-granted' | 'over-lived';

export interface AuditedItem<C extends string = string> extends StoredItem {
  /** The policy's declaration this item matches (wildcards included), or null when the policy does not declare it. */
  readonly declared: PolicyStorageItem<C> | null;
  /** Whether its category is granted now (false for undeclared items). */
  readonly granted: boolean;
  /** When it expires, when it was written through the policy storage (ms since the epoch); null when unknown. */
  readonly expiresAt: number | null;
  /** Whether a visitor may delete it from the policy page: declared, first-party, of an optional category. */
  readonly deletable: boolean;
  /** Empty when the item is as the policy says. */
  readonly problems: readonly AuditProblem[];
}

export interface StorageAudit<C extends string = string> {
  /** Everything this browser holds that the page can see, cookies first, in the browser's order. */
  readonly items: readonly AuditedItem<C>[];
  /** The items the policy declares: what "Stored in this browser now" lists. */
  readonly declared: readonly AuditedItem<C>[];
  /** Held, but not declared anywhere in the policy. */
  readonly undeclared: readonly AuditedItem<C>[];
  /** Declared for a category the visitor has not granted (it should have been deleted). */
  readonly notGranted: readonly AuditedItem<C>[];
  /** Written to live longer than its declared lifetime. */
  readonly overLived: readonly AuditedItem<C>[];
  /** True when nothing was found wrong. */
  readonly clean: boolean;
}

export interface AuditOptions {
  /** What the browser holds. Default: read now with `readBrowserStorage()`. */
  items?: readonly StoredItem[];
  /** Milliseconds since the epoch. Default: Date.now(). */
  now?: number;
}

/** Reads every cookie, localStorage and sessionStorage item the page can see. Empty on a server. */
export function readBrowserStorage(): StoredItem[] {
  if (typeof document === 'undefined') return [];
  const items: StoredItem[] = [];
  let header = '';
  try {
    header = document.cookie;
  } catch {
    // A page that may not read its cookies (a sandboxed frame) holds none it can see.
  }
  const seen = new Set<string>();
  for (const pair of header.split(';')) {
    const name = pair.split('=', 1)[0]?.trim() ?? '';
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    items.push({ name, kind: 'cookie', value: readCookie(header, name) ?? '' });
  }
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    const area = webStorage(kind);
    for (const name of storageKeys(area)) items.push({ name, kind, value: area?.getItem(name) ?? '' });
  }
  return items;
}

/** The declaration a stored item falls under: its kind, its name (wildcards match); null when there is none. */
export function findDeclaration<C extends string>(
  policy: Policy<C>,
  item: Pick<StoredItem, 'name' | 'kind'>,
): PolicyStorageItem<C> | null {
  return (
    policy.storage.find((declared) => declared.kind === item.kind && matchesStorageName(declared.name, item.name)) ??
    null
  );
}

/**
 * Compares what this browser holds with the policy and the visitor's consent (`snapshot`, for example
 * `store.getSnapshot()`). Finds items the policy does not declare, items of categories that are not
 * granted, and items that live longer than declared (readable for values written through the policy
 * storage, whose expiry travels with the value). Pure apart from reading the browser: deletes nothing.
 *
 * ```ts
 * const audit = auditStorage(policy, store.getSnapshot());
 * audit.declared;   // what to list under "Stored in this browser now"
 * audit.clean;      // false when anything is undeclared, not granted or over-lived
 * ```
 */
export function auditStorage<C extends string>(
  policy: Policy<C>,
  snapshot: { readonly choices: Choices<C> },
  options: AuditOptions = {},
): StorageAudit<C> {
  const now = options.now ?? Date.now();
  const categories = new Map(policy.categories.map((category) => [category.name, category]));
  const items = (options.items ?? readBrowserStorage()).map((item): AuditedItem<C> => {
    const declared = findDeclaration(policy, item);
    const granted = declared !== null && snapshot.choices[declared.category] === true;
    const envelope = declared ? decodeStoredValue(item.kind, item.value) : null;
    const problems: AuditProblem[] = [];
    if (!declared) problems.push('undeclared');
    else if (!granted) problems.push('not-granted');
    if (
      declared &&
      envelope &&
      (envelope.expiresAt - envelope.writtenAt > declared.lifetime || envelope.expiresAt - now > declared.lifetime)
    ) {
      problems.push('over-lived');
    }
    return Object.freeze({
      name: item.name,
      kind: item.kind,
      value: item.value,
      declared,
      granted,
      expiresAt: envelope ? envelope.expiresAt : null,
      deletable:
        declared !== null && declared.party === 'first' && categories.get(declared.category)?.required === false,
      problems: Object.freeze(problems),
    });
  });
  const having = (problem: AuditProblem) => items.filter((item) => item.problems.includes(problem));
  return Object.freeze({
    items,
    declared: items.filter((item) => item.declared !== null),
    undeclared: having('undeclared'),
    notGranted: having('not-granted'),
    overLived: having('over-lived'),
    clean: items.every((item) => item.problems.length === 0),
  });
}

/**
 * Deletes one stored item now: a cookie in every Domain and Path variant it may have, or a Web Storage
 * key. For the policy page's delete buttons (offer them for `deletable` items). A script of a category
 * that is still granted may write the item again; withdrawing the category stops that.
 */
export function deleteStoredItem(item: Pick<StoredItem, 'name' | 'kind'>): void {
  if (typeof document === 'undefined') return;
  if (item.kind === 'cookie') deleteCookie(item.name);
  else webStorage(item.kind)?.removeItem(item.name);
}

/** One row per finding, for `console.table`. */
export function auditRows<C extends string>(
  audit: StorageAudit<C>,
): { problem: AuditProblem; name: string; kind: StorageKind; category: string; declaredLifetime: string }[] {
  return audit.items.flatMap((item) =>
    item.problems.map((problem) => ({
      problem,
      name: item.name,
      kind: item.kind,
      category: item.declared?.category ?? '-',
      declaredLifetime: item.declared ? String(item.declared.declaredLifetime) : '-',
    })),
  );
}
