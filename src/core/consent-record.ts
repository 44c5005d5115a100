import type { Policy } from './policy';

export type ConsentAction = 'accept-all' | 'reject-all' | 'custom' | 'withdraw';

/** The privacy signals a browser sent when the store was created. */
export interface PrivacySignals {
  /** Global Privacy Control (`navigator.globalPrivacyControl === true`). */
  readonly gpc: boolean;
  /** Do Not Track (`navigator.doNotTrack === '1'`, or the older window / ms variants). */
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

/** The actions, in the order of their one-letter codes in the cookie. */
const ACTIONS: readonly ConsentAction[] = ['accept-all', 'reject-all', 'custom', 'withdraw'];
const ACTION_CODES = 'arcw';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
/** Longer values are never ours; refusing them early bounds the work an attacker-supplied cookie can cause. */
const MAX_LENGTH = 2048;

/**
 * Encodes a record into the consent cookie's value, e.g.
 * `1.<uuid>.<revision>.<decidedAt base36>.<expiresAt base36>.<action>.<signals>.necessary:1|analytics:0`.
 * Only cookie-safe characters (RFC 6265 cookie-octet), categories in the policy's order.
 */
export function encodeRecord<C extends string>(policy: Policy<C>, record: ConsentRecord<C>): string {
  return [
    1,
    record.id,
    record.revision,
    Date.parse(record.decidedAt).toString(36),
    Date.parse(record.expiresAt).toString(36),
    ACTION_CODES[ACTIONS.indexOf(record.action)],
    +record.signals.gpc + 2 * +record.signals.dnt,
    policy.categoryNames.map((name) => `${name}:${+record.choices[name]}`).join('|'),
  ].join('.');
}

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
      value.length <= MAX_LENGTH &&
      new RegExp(
        `^1\\.(${UUID})\\.${policy.revision}\\.${TIME}\\.${TIME}\\.([${ACTION_CODES}])\\.([0-3])\\.${policy.categories
          .map((category) => `${category.name}:(${category.required ? 1 : '[01]'})`)
          .join('\\|')}$`,
      ).exec(value);
    if (!match) return null;
    const [, id, decided, expires, code, bits, ...flags] = match as unknown as string[];
    const decidedAt = Number.parseInt(decided as string, 36);
    const expiresAt = Number.parseInt(expires as string, 36);
    if (!(decidedAt <= now && now < expiresAt && expiresAt - decidedAt <= policy.consentMaxAge)) return null;
    return Object.freeze({
      id: id as string,
      revision: policy.revision,
      choices: Object.freeze(
        Object.fromEntries(policy.categoryNames.map((name, index) => [name, flags[index] === '1'])),
      ) as Record<C, boolean>,
      decidedAt: new Date(decidedAt).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      action: ACTIONS[ACTION_CODES.indexOf(code as string)] as ConsentAction,
      signals: Object.freeze({ gpc: (+(bits as string) & 1) > 0, dnt: (+(bits as string) & 2) > 0 }),
    });
  } catch {
    return null;
  }
}

/**
 * A random UUID v4 from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also exists on plain
 * http pages; Math.random only where there is no Web Crypto at all.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  }
  let hex = '';
  for (let i = 0; i < 16; i++) {
    // Version 4 in byte 6, variant 10xx in byte 8.
    const byte = i === 6 ? ((bytes[i] as number) & 15) | 64 : i === 8 ? ((bytes[i] as number) & 63) | 128 : bytes[i];
    hex += (256 + (byte as number)).toString(16).slice(1) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '');
  }
  return hex;
}
