import { useMemo, useSyncExternalStore } from 'react';
import type { ConsentSnapshot } from '../core/consent-store-types';
import type { Category } from '../core/policy';
import { warn } from '../core/warn';
import { type ConsentActions, useConsentContext } from './consent-context';

export type UseConsentResult = ConsentSnapshot<Category> & ConsentActions;

const warned = new Set<string>();

/**
 * `useConsent()`: the visitor's consent and the actions to change it; re-renders on every change.
 * `useConsent('analytics')`: whether that category is granted; re-renders only when it changes.
 */
export function useConsent(): UseConsentResult;
export function useConsent(category: Category): boolean;
export function useConsent(category?: Category): UseConsentResult | boolean {
  const { store, actions } = useConsentContext('useConsent()');
  if (
    process.env.NODE_ENV !== 'production' &&
    category !== undefined &&
    !store.policy.categoryNames.includes(category) &&
    !warned.has(category)
  ) {
    warned.add(category);
    warn(`useConsent('${category}'): the policy has no such category, so it reads as not granted.`);
  }
  // One selector for the browser's and the server's snapshot: the whole snapshot, or one category's flag.
  const select = (snapshot: ConsentSnapshot<Category>) =>
    category === undefined ? snapshot : snapshot.choices[category] === true;
  const value = useSyncExternalStore<ConsentSnapshot<Category> | boolean>(
    store.subscribe,
    () => select(store.getSnapshot()),
    () => select(store.getServerSnapshot()),
  );
  return useMemo(() => (typeof value === 'boolean' ? value : { ...value, ...actions }), [value, actions]);
}
