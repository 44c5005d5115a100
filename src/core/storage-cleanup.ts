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
 *
 * After a client-side navigation, a cookie declared by its exact name is deleted on every Path prefix of this
 * page whether the page sees it or not: Chromium still shows the cookies of the path the page was loaded on,
 * not of the path it shows now, yet the cookies of the new path go with every request made from it. On the
 * path it was loaded on, a page sees every cookie its requests carry (but HttpOnly ones, beyond a script's
 * reach anyway), so only those it sees are deleted: a deletion is a cookie write for each Domain and Path
 * variant, some twenty per name on a shop's product page, and a refusing visitor's every page view paid them
 * all. A wildcard name (`_ga_*`) can only be deleted once a page sees which names it stands for.
 */
export function deleteDeclaredStorage<C extends string>(
  policy: Policy<C>,
  choices: Choices<C>,
  cookiesOnly = false,
): void {
  if (typeof document === 'undefined') return;
  // Only what may have to go is looked at: with every category granted (the common returning visitor),
  // nothing is read, and a Web Storage area is opened only when it has declared items to delete.
  const doomed = policy.storage.filter(
    (item) => choices[item.category] !== true && item.party !== 'third' && (!cookiesOnly || item.kind === 'cookie'),
  );
  const present: Partial<Record<StorageKind, string[]>> = {};
  const blind = doomed.some((item) => item.kind === 'cookie') && movedSinceLoad();
  for (const item of doomed) {
    try {
      present[item.kind] ??=
        item.kind === 'cookie'
          ? cookieNames(document.cookie).filter((name) => name !== policy.cookie.name)
          : storageKeys(webStorage(item.kind));
      const names = (present[item.kind] as string[]).filter((name) => matchesStorageName(item.name, name));
      if (blind && item.kind === 'cookie' && !item.name.includes('*') && item.name !== policy.cookie.name) {
        names.push(item.name);
      }
      for (const name of new Set(names)) {
        if (item.kind === 'cookie') deleteCookie(name);
        else webStorage(item.kind)?.removeItem(name);
      }
    } catch {
      // A page that may not touch its cookies (a sandboxed frame) has none to delete; the other items still go.
    }
  }
}

/**
 * Whether the page shows another path than the one its document was loaded on (a client-side navigation).
 * True where that cannot be told: the deletions are then aimed blindly, as they must be after one.
 */
function movedSinceLoad(): boolean {
  try {
    const [entry] = performance.getEntriesByType('navigation');
    return !entry || new URL(entry.name).pathname !== location.pathname;
  } catch {
    return true;
  }
}

interface CookieChangeTarget {
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

interface NavigationTarget {
  addEventListener(type: 'navigatesuccess', listener: () => void): void;
  removeEventListener(type: 'navigatesuccess', listener: () => void): void;
}

/** How often a page without the Cookie Store API looks for cookies that appeared (a script, a new path). */
export const COOKIE_WATCH_INTERVAL = 1000;

/**
 * Deletes the declared storage of every category that is not granted, now, after every change of consent,
 * and whenever the cookies this page sees change: a declared cookie that a script sets without consent,
 * or one on a deeper Path that a client-side navigation brings into view. Where the browser reports cookie
 * changes (Cookie Store API, on https) that is at once; elsewhere (plain http, older browsers) the page
 * looks at its cookies every `COOKIE_WATCH_INTERVAL` ms and on every history navigation. Returns the
 * function that stops it.
 */
export function attachStorageCleanup<C extends string>(store: ConsentStore<C>): () => void {
  // A server, or a window already torn down (a test renderer's): nothing to clean up or watch.
  if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
  // On the page's load, Web Storage waits for the first idle moment (a second at most): opening localStorage
  // and sessionStorage and listing their keys took about 4.5 ms of a cold load's main thread in Chromium (a
  // profile of eight loads), while the banner was being shown, and their items travel with no request.
  // Cookies go at once: they go with every request. A change of consent (a withdrawal) deletes everything at once.
  let loaded = false;
  const clean = (cookiesOnly: boolean) => deleteDeclaredStorage(store.policy, store.getSnapshot().choices, cookiesOnly);
  const run = () => clean(!loaded);
  const cancelIdle = whenIdle(() => {
    loaded = true;
    run();
  });
  const path = () => window.location?.pathname ?? '';
  // What the page saw when it last cleaned up: its path (deeper paths show more cookies) and its cookies.
  let seen = '';
  const look = () => {
    if (path() + readCookies() === seen) return;
    run();
    // What is left after the deletions is what the next look compares with.
    seen = path() + readCookies();
  };
  const unsubscribe = store.subscribe(() => clean(false));
  const cookieStore = (globalThis as { cookieStore?: CookieChangeTarget }).cookieStore;
  cookieStore?.addEventListener('change', run);
  // A navigation within the page: `popstate` everywhere, and every one where the Navigation API exists.
  const navigation = (globalThis as { navigation?: NavigationTarget }).navigation;
  window.addEventListener('popstate', look);
  navigation?.addEventListener('navigatesuccess', look);
  const timer = setInterval(look, COOKIE_WATCH_INTERVAL);
  look();
  return () => {
    cancelIdle();
    unsubscribe();
    cookieStore?.removeEventListener('change', run);
    window.removeEventListener('popstate', look);
    navigation?.removeEventListener('navigatesuccess', look);
    clearInterval(timer);
  };
}

/**
 * Runs `task` once the page is idle, within a second; where there is no idle callback (Safari), after the
 * current task: `setTimeout` reads the options as a delay of 0. Returns the function that cancels it.
 */
function whenIdle(task: () => void): () => void {
  const idle = globalThis as {
    requestIdleCallback?: (task: () => void, options: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  const handle = (idle.requestIdleCallback ?? setTimeout)(task, { timeout: 1000 } as never);
  return () => (idle.cancelIdleCallback ?? clearTimeout)(handle as never);
}

/** The page's cookies, or none where it may not read them (a sandboxed frame). */
function readCookies(): string {
  try {
    return document.cookie;
  } catch {
    return '';
  }
}
