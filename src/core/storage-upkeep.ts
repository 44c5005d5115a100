import type { ConsentStore } from './consent-store-types';

/** Stores whose storage was audited in development: the findings are logged once. */
const audited = new WeakSet<object>();

/**
 * What a provider keeps doing for the page's life: deletes the declared storage of refused categories,
 * now and after every change, with cleanup code fetched only once some category is not granted (a
 * returning visitor who accepted everything never downloads it); in development, a second after start
 * (tags loaded with the page have written their cookies by then), compares what this browser holds with
 * the policy and logs the findings once per store, as a table. Returns the function that stops it.
 */
export function maintainStorage<C extends string>(store: ConsentStore<C>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (process.env.NODE_ENV !== 'production' && !audited.has(store)) {
    timer = setTimeout(() => {
      audited.add(store);
      import('./log-storage-audit').then(
        (module) => module.logStorageAudit(store.policy, store.getSnapshot()),
        () => {},
      );
    }, 1000);
  }
  let stop: (() => void) | undefined;
  let live = true;
  let loading = false;
  const loadCleanupOnceRefused = () => {
    if (loading || Object.values(store.getSnapshot().choices).every(Boolean)) return;
    loading = true;
    import('./storage-cleanup').then(
      (module) => {
        if (live) stop = module.attachStorageCleanup(store);
      },
      () => {
        loading = false;
      },
    );
  };
  const unsubscribe = store.subscribe(loadCleanupOnceRefused);
  loadCleanupOnceRefused();
  return () => {
    live = false;
    clearTimeout(timer);
    unsubscribe();
    stop?.();
  };
}
