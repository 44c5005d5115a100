import type { ConsentStore } from './consent-store-types';
import { cookieValues, readCookie, serializeCookie, siteCookieAttributes } from './cookie';
import { COOKIE_DEFAULTS } from './cookie-defaults';
import { deleteCookie } from './delete-cookie';
import { type Duration, toMilliseconds } from './duration';
import type { PolicyStorageItem, StorageKind } from './policy';
import { decodeStoredValue, effectiveExpiry, encodeStoredValue, type StoredEnvelope } from './storage-envelope';
import { matchesStorageName } from './storage-name';
import { warn } from './warn';
import { storageKeys, webStorage } from './web-storage';

/** Which declared item a key means. */
export interface PolicyStorageTarget<C extends string = string> {
  /** Needed only when the policy declares the same name for more than one kind. */
  kind?: StorageKind;
  /** The category the caller expects the item to belong to; a different declaration refuses the access. */
  category?: C;
}

export interface PolicyStorageSetOptions<C extends string = string> extends PolicyStorageTarget<C> {
  /** How long the value should live. Default, and ceiling: the lifetime the policy declares for the item. */
  lifetime?: Duration;
}

export interface PolicyStorageOptions {
  /** The clock, in milliseconds since the epoch. Default: Date.now. */
  now?: () => number;
}

/**
 * Storage that keeps the cookie policy's promises: only declared keys, only while their category is
 * granted, never longer than declared.
 */
export interface PolicyStorage<C extends string = string> {
  /**
   * The value, or null when there is none, its category is not granted, the key is not declared, or it
   * has expired (an expired value is removed). Values written by other code (without an expiry) read as null.
   */
  get<T = unknown>(key: string, target?: PolicyStorageTarget<C>): T | null;
  /**
   * The value with when it was written and when it expires (never later than the declared lifetime allows,
   * even for a value written before the policy shortened it), without removing anything.
   */
  read<T = unknown>(key: string, target?: PolicyStorageTarget<C>): StoredEnvelope<T> | null;
  /**
   * Writes a value (JSON) with an expiry. Refused, returning false (with a warning in development),
   * unless the key is declared and its category granted. A longer `lifetime` than declared is clamped.
   * A cookie gets the same clamped `Max-Age`. Where the browser will not keep it (storage full or refused,
   * cookies blocked), the value lives in memory for the page's life, under the same rules.
   */
  set(key: string, value: unknown, options?: PolicyStorageSetOptions<C>): boolean;
  /** Removes the value (a cookie in every Domain and Path variant). */
  remove(key: string, target?: PolicyStorageTarget<C>): void;
  /** Removes every declared local and session storage value whose expiry has passed. Runs once at creation. */
  purgeExpired(): void;
  /** The raw stored text while the category is granted, else null: a cheap, comparable snapshot for subscribers. */
  raw(key: string, target?: PolicyStorageTarget<C>): string | null;
  /** Hears writes and removals through any policy storage of this page, other tabs' storage events, and consent changes. */
  subscribe(listener: () => void): () => void;
}

/** Why a write was refused, in words a developer can act on (development builds only). */
function refusal(key: string, item: PolicyStorageItem | null, category: string | undefined): string {
  if (!item) {
    return `"${key}" is not declared in the cookie policy, so it was not written. Declare it under a service's storage in definePolicy.`;
  }
  if (category !== undefined && item.category !== category) {
    return `"${key}" belongs to the category "${item.category}", not "${category}", so it was not written.`;
  }
  return `"${key}" was not written: its category "${item.category}" is not granted.`;
}

type Listener = () => void;
/** Writes through any policy storage in this page notify every subscriber (two hooks on the same key stay in step). */
const pageListeners = new Set<Listener>();
const notifyPage = () => {
  for (const listener of [...pageListeners]) listener();
};

/**
 * Creates the policy storage for a consent store. Purges expired values at once.
 *
 * ```ts
 * const storage = createPolicyStorage(store);
 * storage.set('recently_viewed', ['p12'], { lifetime: '7d' }); // false unless personalization is granted
 * storage.get<string[]>('recently_viewed');
 * ```
 */
export function createPolicyStorage<C extends string>(
  store: ConsentStore<C>,
  options: PolicyStorageOptions = {},
): PolicyStorage<C> {
  const now = options.now ?? Date.now;
  const { policy } = store;
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) {
      warned.add(message);
      warn(`policy storage: ${message}`);
    }
  };

  function declaration(key: string, target: PolicyStorageTarget<C> = {}): PolicyStorageItem<C> | null {
    return (
      policy.storage.find(
        (item) =>
          (target.kind === undefined || item.kind === target.kind) &&
          matchesStorageName(item.name, key) &&
          // The consent cookie is the store's alone: written here, it would overwrite the visitor's decision.
          !(item.kind === 'cookie' && key === policy.cookie.name),
      ) ?? null
    );
  }

  /** Whether the declared item may be read or written now: the caller's category matches and it is granted. */
  function allowed(item: PolicyStorageItem<C>, target: PolicyStorageTarget<C> = {}): boolean {
    return (
      (target.category === undefined || item.category === target.category) &&
      store.getSnapshot().choices[item.category] === true
    );
  }

  /**
   * Values the browser would not keep (storage refused or full, a sandboxed frame, cookies blocked), by kind
   * and key: they live in memory for the page's life, under the same rules (declared, granted, lifetime),
   * and go when their category is withdrawn.
   */
  const inMemory = new Map<string, { item: PolicyStorageItem<C>; key: string; encoded: string }>();
  let stopPruning: (() => void) | undefined;
  const memoryId = (item: PolicyStorageItem<C>, key: string) => `${item.kind}:${key}`;

  function keepInMemory(item: PolicyStorageItem<C>, key: string, encoded: string) {
    inMemory.set(memoryId(item, key), { item, key, encoded });
    stopPruning ??= store.subscribe(() => {
      for (const [id, kept] of inMemory) if (!allowed(kept.item)) inMemory.delete(id);
      if (inMemory.size === 0) {
        stopPruning?.();
        stopPruning = undefined;
      }
    });
  }

  function readRaw(item: PolicyStorageItem<C>, key: string): string | null {
    const kept = inMemory.get(memoryId(item, key));
    if (kept) return kept.encoded;
    if (typeof document === 'undefined') return null;
    try {
      return item.kind === 'cookie' ? readCookie(document.cookie, key) : (webStorage(item.kind)?.getItem(key) ?? null);
    } catch {
      return null;
    }
  }

  function removeRaw(item: PolicyStorageItem<C>, key: string) {
    inMemory.delete(memoryId(item, key));
    if (typeof document === 'undefined') return;
    try {
      if (item.kind === 'cookie') deleteCookie(key);
      else webStorage(item.kind)?.removeItem(key);
    } catch {
      // A page that may not touch its storage has nothing stored there to remove.
    }
  }

  function read<T>(key: string, target?: PolicyStorageTarget<C>): StoredEnvelope<T> | null {
    const item = declaration(key, target);
    if (!item || !allowed(item, target)) return null;
    const envelope = decodeStoredValue<T>(item.kind, readRaw(item, key));
    return envelope && { ...envelope, expiresAt: effectiveExpiry(envelope, item.lifetime) };
  }

  const storage: PolicyStorage<C> = {
    read,
    get<T>(key: string, target?: PolicyStorageTarget<C>): T | null {
      const envelope = read<T>(key, target);
      if (!envelope) return null;
      if (envelope.expiresAt <= now()) {
        removeRaw(declaration(key, target) as PolicyStorageItem<C>, key);
        notifyPage();
        return null;
      }
      return envelope.value;
    },
    set(key, value, setOptions = {}) {
      const item = declaration(key, setOptions);
      if (!item || (setOptions.category !== undefined && item.category !== setOptions.category) || !allowed(item)) {
        if (process.env.NODE_ENV !== 'production') warnOnce(refusal(key, item, setOptions.category));
        return false;
      }
      if (typeof document === 'undefined') return false;
      let lifetime = item.lifetime;
      const requested = setOptions.lifetime === undefined ? null : toMilliseconds(setOptions.lifetime);
      if (requested !== null && requested <= item.lifetime) lifetime = requested;
      if (process.env.NODE_ENV !== 'production' && setOptions.lifetime !== undefined) {
        if (requested === null) {
          warnOnce(`"${String(setOptions.lifetime)}" is not a duration; "${key}" gets its declared lifetime.`);
        } else if (requested > item.lifetime) {
          warnOnce(
            `"${key}" may live ${String(item.declaredLifetime)} at most; the requested ${String(setOptions.lifetime)} was shortened.`,
          );
        }
      }
      const writtenAt = now();
      const encoded = encodeStoredValue(item.kind, { value, writtenAt, expiresAt: writtenAt + lifetime });
      let stored = false;
      try {
        if (item.kind === 'cookie') {
          document.cookie = serializeCookie(key, encoded, {
            maxAge: lifetime,
            // The whole site, whatever Path the consent cookie is limited to: a declared item is one per site.
            path: COOKIE_DEFAULTS.path,
            ...siteCookieAttributes(policy.cookie),
          });
          // A browser that blocks cookies drops the write without a word.
          stored = cookieValues(document.cookie, key).includes(encoded);
        } else {
          const area = webStorage(item.kind);
          area?.setItem(key, encoded);
          stored = area !== null;
        }
      } catch {
        // Storage full, blocked or refused: kept in memory below.
      }
      if (stored) inMemory.delete(memoryId(item, key));
      else keepInMemory(item, key, encoded);
      notifyPage();
      return true;
    },
    remove(key, target) {
      const item = declaration(key, target);
      if (!item) return;
      removeRaw(item, key);
      notifyPage();
    },
    purgeExpired() {
      if (typeof document === 'undefined') return;
      const at = now();
      for (const [id, kept] of inMemory) {
        const envelope = decodeStoredValue(kept.item.kind, kept.encoded);
        if (!envelope || effectiveExpiry(envelope, kept.item.lifetime) <= at) inMemory.delete(id);
      }
      for (const kind of ['localStorage', 'sessionStorage'] as const) {
        const area = webStorage(kind);
        for (const key of storageKeys(area)) {
          const item = declaration(key, { kind });
          const envelope = item && decodeStoredValue(kind, area?.getItem(key));
          if (item && envelope && effectiveExpiry(envelope, item.lifetime) <= at) area?.removeItem(key);
        }
      }
    },
    raw(key, target) {
      const item = declaration(key, target);
      return item && allowed(item, target) ? readRaw(item, key) : null;
    },
    subscribe(listener) {
      const onStorage = (event: StorageEvent) => {
        if (event.key === null || declaration(event.key)) listener();
      };
      pageListeners.add(listener);
      const unsubscribe = store.subscribe(listener);
      if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
      return () => {
        pageListeners.delete(listener);
        unsubscribe();
        if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
      };
    },
  };
  storage.purgeExpired();
  return storage;
}
