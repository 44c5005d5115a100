import type { TimeBound } from './consent-log-types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A time with its zone: one without would be read in the server's own zone. */
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY = 86_400_000;

/**
 * A bound of a time range in ms since the epoch. A date alone is a whole UTC day: as `from` its start, as
 * `to` the start of the next day (so `to: '2026-12-31'` includes the 31st). Throws a sentence on anything else.
 */
export function timeBound(value: TimeBound, end: boolean, name: string): number {
  const at =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string' && DATE.test(value)
        ? Date.parse(`${value}T00:00:00.000Z`) + (end ? DAY : 0)
        : typeof value === 'string' && TIME.test(value)
          ? Date.parse(value)
          : Number.NaN;
  if (Number.isNaN(at)) {
    throw new TypeError(
      `${name} must be a Date, an ISO 8601 time with its zone or a date (2026-12-01), got ${String(value)}.`,
    );
  }
  return at;
}
