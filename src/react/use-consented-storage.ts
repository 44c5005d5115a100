import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ConsentStore } from '../core/consent-store-types';
import type { Duration } from '../core/duration';
import type { Category, StorageKind } from '../core/policy';
import { createPolicyStorage, type PolicyStorage } from '../core/policy-storage';
import { MAX_TIMER } from '../core/time';
import { useConsentContext } from './consent-context';

export interface ConsentedStorageOptions {
  /** Needed only when the policy declares the same name for more than one kind. */
  kind?: StorageKind;
  /** How long written values live. Default, and ceiling: the lifetime the policy declares. */
  lifetime?: Duration;
}

/**
 * `[value, set, remove]`. `value` is null while nothing valid is stored, the category is not granted, or
 * the value has expired. `set(next)` (a value or `previous => next`) returns false when it was refused.
 */
export type ConsentedStorage<T> = readonly [
  value: T | null,
  set: (next: T | ((previous: T | null) => T)) => boolean,
  remove: () => void,
];

const storages = new WeakMap<ConsentStore<Category>, PolicyStorage<Category>>();

/** The policy storage of a consent store, created (and purged of expired values) on first use. */
function policyStorageFor(store: ConsentStore<Category>): PolicyStorage<Category> {
  let storage = storages.get(store);
  if (!storage) {
    storage = createPolicyStorage(store);
    storages.set(store, storage);
  }
  return storage;
}

/**
 * A stored value that keeps the cookie policy's promises: `key` must be declared in the policy under
 * `category`, it is written only while that category is granted, and it never outlives its declared
 * lifetime. Re-renders when the value changes (here, in another tab, or by expiry) and when consent changes.
 *
 * ```tsx
 * const [viewed, setViewed] = useConsentedStorage<string[]>('personalization', 'recently_viewed');
 * setViewed((previous) => [id, ...(previous ?? [])].slice(0, 8)); // refused while personalization is off
 * ```
 */
export function useConsentedStorage<T = unknown>(
  category: Category,
  key: string,
  options: ConsentedStorageOptions = {},
): ConsentedStorage<T> {
  const { store } = useConsentContext(`useConsentedStorage('${category}', '${key}')`);
  const storage = policyStorageFor(store);
  const { kind, lifetime } = options;
  const raw = useSyncExternalStore(
    storage.subscribe,
    () => storage.raw(key, { kind, category }),
    () => null,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: raw is what changes when the stored value does
  const envelope = useMemo(() => storage.read<T>(key, { kind, category }), [storage, key, kind, category, raw]);
  const expiresAt = envelope?.expiresAt;

  useEffect(() => {
    if (expiresAt === undefined) return;
    // At expiry, get() removes the value and notifies every subscriber.
    const timer = setTimeout(
      () => storage.get(key, { kind, category }),
      Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER),
    );
    return () => clearTimeout(timer);
  }, [storage, key, kind, category, expiresAt]);

  const set = useCallback(
    (next: T | ((previous: T | null) => T)) => {
      const value =
        typeof next === 'function'
          ? (next as (previous: T | null) => T)(storage.get<T>(key, { kind, category }))
          : next;
      return storage.set(key, value, { kind, category, lifetime });
    },
    [storage, key, kind, category, lifetime],
  );
  const remove = useCallback(() => storage.remove(key, { kind, category }), [storage, key, kind, category]);

  const value = envelope && envelope.expiresAt > Date.now() ? envelope.value : null;
  return useMemo(() => [value, set, remove] as const, [value, set, remove]);
}
