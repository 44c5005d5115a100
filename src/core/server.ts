import { decodeRecord } from './consent-record';
import type { ConsentSnapshot } from './consent-store';
import { readCookie } from './cookie';
import type { Policy } from './policy';
import { NO_SIGNALS } from './signals';

/**
 * Reads a visitor's consent from a request's `Cookie` header, on a server, with the core alone.
 * Returns the same snapshot the browser's store will have (signals aside: a server cannot read them).
 */
export function readConsentCookie<C extends string>(
  policy: Policy<C>,
  cookieHeader: string | null | undefined,
  now: number = Date.now(),
): ConsentSnapshot<C> {
  const record = decodeRecord(policy, readCookie(cookieHeader, policy.cookie.name), now);
  const choices =
    record?.choices ??
    (Object.fromEntries(policy.categories.map((category) => [category.name, category.required])) as Record<C, boolean>);
  return Object.freeze({
    status: record ? 'decided' : 'undecided',
    choices: Object.freeze(choices),
    record,
    signals: NO_SIGNALS,
  });
}
