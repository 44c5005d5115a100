import { isInForce } from './consent-expiry';
import { MAX_RECORD_LENGTH } from './consent-record-length';
import { cookieValues } from './cookie';
import type { Policy } from './policy';

export type ConsentAction = 'accept-all' | 'reject-all' | 'custom' | 'withdraw';

/** The privacy signals a browser sends; a record keeps the ones seen when the visitor decided. */
export interface PrivacySignals {
  /** Global Privacy Control (`navigator.globalPrivacyControl === true`). */
  readonly gpc: boolean;
  /** Do Not Track (`navigator.doNotTrack === '1'`). */
  readonly dnt: boolean;
}

/** One decision of one visitor. Holds no personal data: the id is random and nothing else identifies anyone. */
export interface ConsentRecord<C extends string = string> {
  /** Random (UUID v4); kept across a visitor's later changes so that a withdrawal can be tied to its consent. */
  readonly id: string;
  readonly revision: number;
  readonly choices: Readonly<Record<C, boolean>>;
  /** ISO 8601. */
  readonly decidedAt: string;
  /** ISO 8601: decidedAt + the policy's consentMaxAge. */
  readonly expiresAt: string;
  readonly action: ConsentAction;
  readonly signals: PrivacySignals;
  /** The language the visitor saw ('fi', 'en'); on records passed to onDecision, not in the cookie. */
  readonly language?: string;
  /** SHA-256 (hex) of the exact policy text shown; on records passed to onDecision, not in the cookie. */
  readonly textHash?: string;
}

/** What the UI tells the store about what the visitor is being shown, for proof of consent. */
export interface RecordContext {
  language?: string;
  textHash?: string;
}

/** In the cookie, an action is its first letter. */
const ACTIONS: readonly ConsentAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw'];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

/** A base-36 time without leading zeros: the only spelling `encodeRecord` writes. */
const TIME = '([1-9a-z][0-9a-z]*)';

/**
 * Decodes the consent cookie's value for this policy at time `now`. Total: never throws. Anything that is
 * not the exact encoding of a valid, unexpired record of this policy's revision, holding every category
 * the policy has now, returns null, which reads as undecided.
 */
export function decodeRecord<C extends string>(
  policy: Policy<C>,
  value: unknown,
  now: number,
): ConsentRecord<C> | null {
  try {
    // Only the exact canonical encoding is ours. Matching the whole value against it rejects every other
    // version or revision, unknown, missing, repeated or reordered categories, a required category stored
    // as off, padded numbers and stray fields, without a rule for each. (Category names are letters,
    // digits, `_` and `-`, and revisions integers, as definePolicy checks: nothing in them is special here.)
    const match =
      typeof value === 'string' &&
      value.length <= MAX_RECORD_LENGTH &&
      new RegExp(
        `^1\\.(${UUID})\\.${policy.revision}\\.${TIME}\\.${TIME}\\.([a-z])\\.([0-3])\\.${policy.categories
          .map((category) => `${category.name}:(${category.required ? 1 : '[01]'})`)
          .join('\\|')}$`,
      ).exec(value);
    // No match reads as no times and no action: null below.
    const [, id, decided, expires, code, bits, ...flags] = (match || []) as string[];
    const decidedAt = Number.parseInt(decided as string, 36);
    const expiresAt = Number.parseInt(expires as string, 36);
    // An action is stored as its first letter.
    const action = ACTIONS.find((name) => name[0] === code);
    if (!(action && isInForce(policy, decidedAt, expiresAt, now))) return null;
    return Object.freeze({
      id: id as string,
      revision: policy.revision,
      choices: Object.freeze(
        Object.fromEntries(policy.categoryNames.map((name, index) => [name, flags[index] === '1'])),
      ) as Record<C, boolean>,
      decidedAt: new Date(decidedAt).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      action,
      signals: Object.freeze({ gpc: (+(bits as string) & 1) > 0, dnt: (+(bits as string) & 2) > 0 }),
    });
  } catch {
    return null;
  }
}

/**
 * The consent cookie's value in a `Cookie` header or `document.cookie`, when there are several (a variant on
 * another Path or Domain, left by an older setting or a sibling subdomain): the latest decision that is a
 * record of this policy now; at the same instant, the one that grants least. Never a grant over a later
 * refusal, whatever order the browser sends them in. Null when none is a record.
 */
export function consentCookieValue<C extends string>(
  policy: Policy<C>,
  header: string | null | undefined,
  now: number,
): string | null {
  let latest: string | null = null;
  let best = -1;
  for (const value of cookieValues(header, policy.cookie.name)) {
    const record = decodeRecord(policy, value, now);
    // The decision time ranks first, the number of grants (fewer is higher) second: a policy has far fewer
    // than 1024 categories, and a time in ms times 1024 stays a safe integer until the year 2248.
    const rank = record
      ? Date.parse(record.decidedAt) * 1024 - Object.values(record.choices).filter(Boolean).length
      : -1;
    if (rank > best) {
      latest = value;
      best = rank;
    }
  }
  return latest;
}
