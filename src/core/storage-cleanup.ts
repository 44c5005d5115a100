import type { Choices, ConsentStore } from './consent-store-types';
import { cookieNames } from './cookie';
import { deleteCookie } from './delete-cookie';
import type { Policy, StorageKind } from './policy';
import { matchesStorageName } from './storage-name';
import { storageKeys, webStorage } from './web-storage';

/**
 * Deletes what the policy declares for categories that are not granted in `choices`: first-party cookies
 * (wildcards match, every Domain and Path variant) and localStorage and sessionStorage items. Third-party
 * cookies are out of a page's reach. The consent cookie itself is never touched.
 */
export function deleteDeclaredStorage<C extends string>(policy: Policy<C>, choices: Choices<C>): void {
  if (typeof document === 'undefined') return;
  // Only what may have to go is looked at: with every category granted (the common returning visitor),
  // nothing is read, and a Web Storage area is opened only when it has declared items to delete.
  const doomed = policy.storage.filter((item) => choices[item.category] !== true && item.party !== 'third');
  const present: Partial<Record<StorageKind, string[]>> = {};
  for (const item of doomed) {
    try {
      present[item.kind] ??=
        item.kind === 'cookie'
          ? cookieNames(document.cookie).filter((name) => name !== policy.cookie.name)
          : storageKeys(webStorage(item.kind));
      for (const name of present[item.kind] as string[]) {
        if (!matchesStorageName(item.name, name)) continue;
        if (item.kind === 'cookie') deleteCookie(name);
        else webStorage(item.kind)?.removeItem(name);
      }
    } catch {
      // A page that may not touch its cookies (a sandboxed frame) has none to delete; the other items still go.
    }
  }
}

interface CookieChangeTarget {
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/**
 * Deletes the declared storage of every category that is not granted, now and after every change of
 * consent. Where the browser reports cookie changes (Cookie Store API), a declared cookie that a script
 * sets without consent is deleted as soon as it appears. Returns the function that stops it.
 */
export function attachStorageCleanup<C extends string>(store: ConsentStore<C>): () => void {
  if (typeof document === 'undefined') return () => {};
  const run = () => deleteDeclaredStorage(store.policy, store.getSnapshot().choices);
  const unsubscribe = store.subscribe(run);
  const cookieStore = (globalThis as { cookieStore?: CookieChangeTarget }).cookieStore;
  cookieStore?.addEventListener('change', run);
  run();
  return () => {
    unsubscribe();
    cookieStore?.removeEventListener('change', run);
  };
}
