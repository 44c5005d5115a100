import type { ConsentAction } from './consent-record';

// The fields of a consent record as they travel to the shop's consent log: the browser's logger rebuilds a
// queued record with these checks, and the log's server checks a posted one with the same, so that the
// logger never keeps a record the log would refuse.

/** A language tag ('fi', 'en', 'pt-BR', 'en_US'): it starts with letters, so no spreadsheet reads it as a formula. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/;

/** The SHA-256 of the policy text shown, in lower-case hex. */
export const TEXT_HASH = /^[0-9a-f]{64}$/;

/** A plain object: not null, not an array. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A time as `toISOString` writes it, in ms since the epoch; NaN for anything else. */
export function isoTime(value: unknown): number {
  const time = typeof value === 'string' && value.length === 24 ? Date.parse(value) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString() === value ? time : Number.NaN;
}

/** A consent id: a random UUID, version 4, lower case (`randomId`). */
export const CONSENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every action a record may carry; typed as a record of every action, so that a new one cannot be forgotten. */
export const CONSENT_ACTIONS: Readonly<Record<ConsentAction, true>> = {
  'accept-all': true,
  'reject-all': true,
  custom: true,
  withdraw: true,
};
