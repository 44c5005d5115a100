import type { Policy } from './policy';

// The rule "a choice, a refusal included, is remembered for `consentMaxAge`, then the visitor is asked
// again", in one place: the record's expiry when deciding (the consent cookie's Max-Age follows it), the
// check when reading, the timer while watching.

/** When a choice made at `decidedAt` (ms since the epoch) expires. */
export function expiryOf(policy: Pick<Policy, 'consentMaxAge'>, decidedAt: number): number {
  return decidedAt + policy.consentMaxAge;
}

/**
 * Whether a stored choice is in force at `now`: made no later than now, not yet expired, and never meant to
 * outlive the policy's `consentMaxAge` (a record written under a longer maximum, or forged, is not).
 */
export function isInForce(
  policy: Pick<Policy, 'consentMaxAge'>,
  decidedAt: number,
  expiresAt: number,
  now: number,
): boolean {
  return decidedAt <= now && now < expiresAt && expiresAt - decidedAt <= policy.consentMaxAge;
}

/** Milliseconds until a record expires; 0 once it has. */
export function timeLeft(record: { readonly expiresAt: string }, now: number): number {
  return Math.max(Date.parse(record.expiresAt) - now, 0);
}
