import type { Choices, ConsentStore } from './consent-store';
import { cookieNames, serializeCookie } from './cookie';
import { matchesStorageName, type Policy, type StorageKind } from './policy';

/** Where a cookie deletion is aimed: the page's host name and path. Default: the current location. */
export interface CookieScope {
  hostname: string;
  pathname: string;
}

/**
 * Deletes a first-party cookie in every variant it may have been set with. A page cannot read a cookie's
 * Domain or Path, and a deletion only hits the variant whose Domain and Path it repeats, so every
 * combination is expired: host-only, the host and each parent domain; `/` and each prefix of the path.
 */
export function deleteCookie(name: string, scope: CookieScope = location): void {
  const { hostname, pathname } = scope;
  const domains: (string | undefined)[] = [undefined];
  // An IP address has no parent domains; a name has one per dot (browsers ignore the bare top-level label).
  if (/^[\d.]+$|:/.test(hostname)) domains.push(hostname);
  else for (let at = 0; at !== -1; at = hostname.indexOf('.', at) + 1 || -1) domains.push(hostname.slice(at));
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    path += `/${segment}`;
    paths.push(path, `${path}/`);
  }
  for (const domain of domains) {
    for (const cookiePath of paths) {
      document.cookie = serializeCookie(name, '', { maxAge: 0, path: cookiePath, domain });
    }
  }
}

/** The page's localStorage or sessionStorage, or null where it is missing or blocked (it throws then). */
export function webStorage(kind: Exclude<StorageKind, 'cookie'>): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** The keys of a Web Storage area, read before anything is removed from it. */
export function storageKeys(area: Storage | null): string[] {
  const keys: string[] = [];
  try {
    for (let index = 0; area && index < area.length; index++) keys.push(area.key(index) as string);
  } catch {
    // A storage that throws holds nothing we can reach.
  }
  return keys;
}

/**
 * Deletes what the policy declares for categories that are not granted in `choices`: first-party cookies
 * (wildcards match, every Domain and Path variant) and localStorage and sessionStorage items. Third-party
 * cookies are out of a page's reach. The consent cookie itself is never touched.
 */
export function deleteDeclaredStorage<C extends string>(policy: Policy<C>, choices: Choices<C>): void {
  if (typeof document === 'undefined') return;
  const present = {
    cookie: cookieNames(document.cookie).filter((name) => name !== policy.cookie.name),
    localStorage: storageKeys(webStorage('localStorage')),
    sessionStorage: storageKeys(webStorage('sessionStorage')),
  };
  for (const item of policy.storage) {
    if (choices[item.category] === true || item.party === 'third') continue;
    for (const name of present[item.kind]) {
      if (!matchesStorageName(item.name, name)) continue;
      if (item.kind === 'cookie') deleteCookie(name);
      else webStorage(item.kind)?.removeItem(name);
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
