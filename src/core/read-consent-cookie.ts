import { consentCookieValue } from './consent-record';
import { createConsentStore } from './consent-store';
import type { ConsentSnapshot } from './consent-store-types';
import { memoryPersistence } from './persistence';
import type { Policy } from './policy';

/**
 * Reads a visitor's consent from a request's `Cookie` header, on a server, with the core alone.
 * Returns the same snapshot the browser's store will have (signals aside: a server cannot read them).
 */
export function readConsentCookie<C extends string>(
  policy: Policy<C>,
  cookieHeader: string | null | undefined,
  now: number = Date.now(),
): ConsentSnapshot<C> {
  const value = consentCookieValue(policy, cookieHeader, now);
  return createConsentStore(policy, {
    storage: memoryPersistence(value),
    serverValue: value,
    now: () => now,
    signals: {},
    sync: false,
  }).getServerSnapshot();
}
