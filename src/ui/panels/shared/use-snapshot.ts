import { useSyncExternalStore } from 'react';
import type { ConsentContextValue } from '../../../react/consent-context';

/** The visitor's consent, re-rendering on every change. */
export function useSnapshot(store: ConsentContextValue['store']) {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
}
