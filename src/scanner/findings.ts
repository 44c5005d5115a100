import { findDeclaration } from '../core/audit';
import type { Policy, PolicyService } from '../core/policy';
import { matchesStorageName } from '../core/storage-name';
import { type ConsentState, grants } from './consent-states';
import type { ObservedItem, ObservedKind, ObservedRequest, Snapshot } from './observations';

/** What a scan can find wrong, compared with the policy. */
export type FindingKind = 'undeclared' | 'before-consent' | 'not-granted' | 'too-long' | 'undeclared-host';

export const FINDING_KINDS: readonly FindingKind[] = [
  'undeclared',
  'before-consent',
  'not-granted',
  'too-long',
  'undeclared-host',
];

/** What a finding is about: a stored item, or the host a request went to. */
export interface FindingItem {
  readonly kind: ObservedKind | 'request';
  /** The cookie or storage key, the database name, or the request's host. */
  readonly name: string;
  /** Cookies: the Domain the browser keeps it for. */
  readonly domain?: string;
}

/** One thing the site does that its policy does not allow, with where (pages) and when (state). */
export interface Finding {
  readonly kind: FindingKind;
  /** The consent state's id. */
  readonly state: string;
  readonly item: FindingItem;
  /** Every page it was found on, in the order the scan visited them. */
  readonly pages: readonly string[];
  /** The category its declaration puts it in; null when the policy does not declare it. */
  readonly category: string | null;
  readonly service: string | null;
  readonly message: string;
  /** too-long: how long the cookie was set to live from when it was seen, and what its declaration allows (ms). */
  readonly lifetime?: { readonly observed: number; readonly declared: number; readonly allowed: number };
  /** Requests: the first address seen. */
  readonly example?: string;
}

/**
 * How much longer than declared a cookie may be seen to live before it is `too-long`: a minute (the clock of the
 * page that set it, and the scan's own time between setting and reading) plus 1% (month and year lengths: a shop
 * that counts a month as 31 days, or a year as 366, is within it).
 */
export function allowedLifetime(declared: number): number {
  return declared + 60_000 + declared * 0.01;
}

interface Declaration {
  readonly category: string;
  readonly service: string;
  readonly lifetime: number;
}

/**
 * The declaration a stored item falls under, wildcards matched as the library matches them. The consent cookie is
 * declared by the library itself (its first required category, living `consentMaxAge`) when the shop does not
 * declare it.
 */
function declarationOf(policy: Policy, item: ObservedItem): Declaration | null {
  if (item.kind === 'indexedDB') return null;
  const declared = findDeclaration(policy, { name: item.name, kind: item.kind });
  if (declared) return declared;
  if (item.kind === 'cookie' && item.name === policy.cookie.name) {
    const required = policy.categories.find((category) => category.required);
    return required ? { category: required.name, service: 'consent', lifetime: policy.consentMaxAge } : null;
  }
  return null;
}

/** The services that list a host (`*` wildcards allowed, case ignored). */
function servicesOfHost(policy: Policy, host: string): PolicyService[] {
  return policy.services.filter((service) =>
    service.hosts.some((listed) => matchesStorageName(listed.toLowerCase(), host)),
  );
}

const describe = (item: FindingItem) =>
  item.kind === 'request'
    ? `a request to ${item.name}`
    : `${item.kind} "${item.name}"${item.domain ? ` (domain ${item.domain})` : ''}`;

/** A finding of one snapshot, before findings of several pages are merged. */
type Found = Omit<Finding, 'pages'>;

function storageFindings(policy: Policy, state: ConsentState, item: ObservedItem): Found[] {
  const subject: FindingItem = {
    kind: item.kind,
    name: item.name,
    ...(item.kind === 'cookie' && item.domain ? { domain: item.domain } : {}),
  };
  const declared = declarationOf(policy, item);
  const base = {
    state: state.id,
    item: subject,
    category: declared?.category ?? null,
    service: declared?.service ?? null,
  };
  if (!declared) {
    return [
      {
        ...base,
        kind: 'undeclared',
        message: `${describe(subject)} is stored, and no service of the policy declares it${item.kind === 'indexedDB' ? ' (a policy cannot declare an IndexedDB database yet: store it elsewhere, or ask for the kind)' : ''}.`,
      },
    ];
  }
  const found: Found[] = [];
  const optional = !policy.categories.find((category) => category.name === declared.category)?.required;
  if (state.choices === null && optional) {
    found.push({
      ...base,
      kind: 'before-consent',
      message: `${describe(subject)} of ${declared.category} (${declared.service}) is stored before the visitor decided.`,
    });
  } else if (state.choices !== null && !grants(policy, state, declared.category)) {
    found.push({
      ...base,
      kind: 'not-granted',
      message: `${describe(subject)} of ${declared.category} (${declared.service}) is stored although ${declared.category} is not granted.`,
    });
  }
  if (item.kind === 'cookie' && typeof item.expires === 'number') {
    const observed = item.expires - item.seenAt;
    const allowed = allowedLifetime(declared.lifetime);
    if (observed > allowed) {
      found.push({
        ...base,
        kind: 'too-long',
        lifetime: { observed, declared: declared.lifetime, allowed },
        message: `${describe(subject)} is set to live ${shownDuration(observed)}, longer than the ${shownDuration(declared.lifetime)} its declaration (${declared.service}) allows.`,
      });
    }
  }
  return found;
}

function requestFindings(policy: Policy, state: ConsentState, request: ObservedRequest): Found[] {
  const subject: FindingItem = { kind: 'request', name: request.host };
  const services = servicesOfHost(policy, request.host);
  const allowed = services.some((service) => grants(policy, state, service.category));
  const categories = [...new Set(services.map((service) => service.category))];
  const base = {
    state: state.id,
    item: subject,
    category: categories[0] ?? null,
    service: services[0]?.id ?? null,
    example: request.url,
  };
  const found: Found[] = [];
  if (services.length === 0) {
    found.push({ ...base, kind: 'undeclared-host', message: `${describe(subject)}, a host no service lists.` });
  }
  if (state.choices === null && !allowed && (request.party === 'third' || services.length > 0)) {
    found.push({
      ...base,
      kind: 'before-consent',
      message: `${describe(subject)}${categories.length > 0 ? ` (${categories.join(', ')})` : ', a third party,'} before the visitor decided.`,
    });
  } else if (state.choices !== null && services.length > 0 && !allowed) {
    found.push({
      ...base,
      kind: 'not-granted',
      message: `${describe(subject)} (${categories.join(', ')}) although ${categories.join(' and ')} ${categories.length > 1 ? 'are' : 'is'} not granted.`,
    });
  }
  return found;
}

/** A duration for people: the largest unit that keeps it readable ('30 days', '15 minutes'). */
export function shownDuration(ms: number): string {
  const units: [number, string][] = [
    [365.2425 * 86_400_000, 'years'],
    [86_400_000, 'days'],
    [3_600_000, 'hours'],
    [60_000, 'minutes'],
    [1000, 'seconds'],
  ];
  for (const [size, name] of units) {
    if (ms >= size * 2 || size === 1000) return `${Math.round((ms / size) * 10) / 10} ${name}`;
  }
  return `${ms} ms`;
}

const keyOf = (found: Found) =>
  JSON.stringify([found.kind, found.state, found.item.kind, found.item.name, found.item.domain ?? '']);

/** The findings of one snapshot, each item and host once. */
export function snapshotFindings(policy: Policy, state: ConsentState, snapshot: Snapshot): Found[] {
  const found = new Map<string, Found>();
  for (const item of snapshot.storage) {
    for (const finding of storageFindings(policy, state, item)) {
      if (!found.has(keyOf(finding))) found.set(keyOf(finding), finding);
    }
  }
  for (const request of snapshot.requests) {
    // The page itself leaving for another host (a link, a redirect) is the visitor going, not a tag of the page.
    if (request.navigation) continue;
    for (const finding of requestFindings(policy, state, request)) {
      if (!found.has(keyOf(finding))) found.set(keyOf(finding), finding);
    }
  }
  return [...found.values()];
}

/** A page's visits as findings are made of them: its address, and each state's snapshot. */
export interface PageSnapshots {
  readonly page: string;
  readonly snapshots: readonly Snapshot[];
}

/**
 * Compares every snapshot with the policy. The same finding (kind, item, state) on several pages is one finding
 * that lists them; after scrolling, only what scrolling added to the same page's undecided findings is reported.
 */
export function findViolations(
  policy: Policy,
  states: readonly ConsentState[],
  pages: readonly PageSnapshots[],
): Finding[] {
  const byId = new Map(states.map((state) => [state.id, state]));
  const merged = new Map<string, { found: Found; pages: string[] }>();
  for (const { page, snapshots } of pages) {
    const undecided = new Set<string>();
    for (const snapshot of snapshots) {
      const state = byId.get(snapshot.state);
      if (!state) continue;
      for (const found of snapshotFindings(policy, state, snapshot)) {
        const sameBefore = keyOf({ ...found, state: 'undecided' });
        if (snapshot.state === 'undecided') undecided.add(sameBefore);
        if (snapshot.state === 'undecided-scrolled' && undecided.has(sameBefore)) continue;
        const key = keyOf(found);
        const entry = merged.get(key);
        if (!entry) merged.set(key, { found, pages: [page] });
        else if (!entry.pages.includes(page)) entry.pages.push(page);
      }
    }
  }
  const stateOrder = states.map((state) => state.id);
  return [...merged.values()]
    .map(({ found, pages: where }) => ({ ...found, pages: where }))
    .sort(
      (a, b) =>
        FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
        stateOrder.indexOf(a.state) - stateOrder.indexOf(b.state) ||
        a.item.name.localeCompare(b.item.name),
    );
}
