import type { ConsentAction, ConsentRecord } from '../core/consent-record';
import type { Policy } from '../core/policy';
import { CONSENT_ACTIONS, CONSENT_ID, isoTime, isPlainObject, LANGUAGE_TAG, TEXT_HASH } from '../core/record-fields';

/** A record that fits the policy, or the reason it does not, in a sentence for the response. */
export type CheckedRecord = { readonly record: ConsentRecord } | { readonly reason: string };

const FIELDS = new Set([
  'id',
  'revision',
  'choices',
  'decidedAt',
  'expiresAt',
  'action',
  'signals',
  'language',
  'textHash',
]);

/**
 * Checks a posted value against the policy: exactly the fields a consent record has, each of its type, the
 * policy's revision and every one of its categories (no other), required ones granted, a decision time not
 * ahead of `now` by more than `maxSkew` and an expiry within the policy's `consentMaxAge` of it. Total: never
 * throws. The record returned is rebuilt field by field: nothing else of the value is ever stored.
 */
export function checkRecord(policy: Policy, value: unknown, now: number, maxSkew: number): CheckedRecord {
  if (!isPlainObject(value)) return { reason: 'the body must be a JSON object: a consent record' };
  const unknown = Object.keys(value).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) return { reason: `unknown field ${JSON.stringify(unknown.slice(0, 40))}` };
  const { id, revision, choices, decidedAt, expiresAt, action, signals, language, textHash } = value;
  if (typeof id !== 'string' || !CONSENT_ID.test(id))
    return { reason: 'id must be a random UUID (version 4, lower case)' };
  if (revision !== policy.revision) {
    return { reason: `revision must be the policy's revision ${policy.revision}` };
  }
  if (!isPlainObject(choices)) return { reason: 'choices must be an object of category: true or false' };
  const names = Object.keys(choices);
  const stray = names.find((name) => !policy.categoryNames.includes(name));
  if (stray !== undefined)
    return { reason: `choices names ${JSON.stringify(stray.slice(0, 40))}, not a category of the policy` };
  for (const category of policy.categories) {
    const granted = choices[category.name];
    if (typeof granted !== 'boolean') return { reason: `choices.${category.name} must be true or false` };
    if (category.required && !granted) return { reason: `choices.${category.name} is required: it is always granted` };
  }
  const decided = isoTime(decidedAt);
  const expires = isoTime(expiresAt);
  if (Number.isNaN(decided)) return { reason: 'decidedAt must be an ISO 8601 time as toISOString writes it' };
  if (Number.isNaN(expires)) return { reason: 'expiresAt must be an ISO 8601 time as toISOString writes it' };
  if (decided > now + maxSkew) return { reason: 'decidedAt is in the future' };
  if (!(expires > decided && expires - decided <= policy.consentMaxAge)) {
    return { reason: "expiresAt must be after decidedAt, within the policy's consentMaxAge" };
  }
  if (typeof action !== 'string' || (CONSENT_ACTIONS as Record<string, unknown>)[action] !== true) {
    return { reason: `action must be one of ${Object.keys(CONSENT_ACTIONS).join(', ')}` };
  }
  if (
    !isPlainObject(signals) ||
    Object.keys(signals).length !== 2 ||
    typeof signals.gpc !== 'boolean' ||
    typeof signals.dnt !== 'boolean'
  ) {
    return { reason: 'signals must be { gpc: boolean, dnt: boolean }' };
  }
  if (language !== undefined && !(typeof language === 'string' && LANGUAGE_TAG.test(language))) {
    return { reason: "language must be a language tag ('fi', 'en')" };
  }
  if (textHash !== undefined && !(typeof textHash === 'string' && TEXT_HASH.test(textHash))) {
    return { reason: 'textHash must be a SHA-256 in lower-case hex' };
  }
  return {
    record: {
      id,
      revision: policy.revision,
      choices: Object.fromEntries(policy.categoryNames.map((name) => [name, choices[name] === true])),
      decidedAt: decidedAt as string,
      expiresAt: expiresAt as string,
      action: action as ConsentAction,
      signals: { gpc: signals.gpc, dnt: signals.dnt },
      ...(language === undefined ? {} : { language: language as string }),
      ...(textHash === undefined ? {} : { textHash: textHash as string }),
    },
  };
}
