import { notADuration } from './duration-message';
import { DAY } from './time';

/** A span of time: milliseconds, or a number followed by a unit ('30s', '15min', '2h', '7d', '2w', '6mo', '1y'). */
export type Duration = number | `${number}${DurationUnit}`;

export type DurationUnit = 'ms' | 's' | 'min' | 'h' | 'd' | 'w' | 'mo' | 'y';

/**
 * Milliseconds per unit. Months and years use the mean Gregorian year (365.2425 days), so a month is
 * 30.436875 days and twelve months are exactly one year: '12mo' and '1y' mean the same ceiling, and a
 * lifetime is the same length whatever day it starts (a calendar month is up to 2.4 days shorter, or
 * 0.6 days longer).
 */
export const DURATION_UNITS: Readonly<Record<DurationUnit, number>> = {
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  d: DAY,
  w: 7 * DAY,
  mo: (365.2425 / 12) * DAY,
  y: 365.2425 * DAY,
};

const PATTERN = /^(\d+(?:\.\d+)?)\s*(ms|s|min|h|d|w|mo|y)$/;

/** The parts of a duration, for display: `'26mo'` is `{ amount: 26, unit: 'mo' }`; numbers come back in the largest whole unit. */
export interface DurationParts {
  amount: number;
  unit: DurationUnit;
}

/** Parses a duration into its parts, or returns null when it is not one. Never throws. */
export function durationParts(value: unknown): DurationParts | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    for (const unit of ['y', 'mo', 'w', 'd', 'h', 'min', 's'] as const) {
      const amount = value / DURATION_UNITS[unit];
      if (amount >= 1 && Number.isInteger(amount)) return { amount, unit };
    }
    return { amount: value, unit: 'ms' };
  }
  if (typeof value !== 'string') return null;
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

/** Converts a duration to milliseconds, or returns null when it is not one. Never throws. */
export function toMilliseconds(value: unknown): number | null {
  const parts = durationParts(value);
  if (!parts) return null;
  const ms = Math.round(parts.amount * DURATION_UNITS[parts.unit]);
  return Number.isFinite(ms) ? ms : null;
}

/** Converts a duration to milliseconds and throws an error that names `where` and the accepted forms. */
export function parseDuration(value: unknown, where: string): number {
  const ms = toMilliseconds(value);
  if (ms === null) throw new Error(notADuration(value, where));
  return ms;
}
