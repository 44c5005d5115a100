import { useSyncExternalStore } from 'react';
import { useConsentContext } from '../../react/consent-context';

/** The visitor's consent, re-rendering on every change. */
export function useSnapshot(caller: string) {
  const { store } = useConsentContext(caller);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
}
