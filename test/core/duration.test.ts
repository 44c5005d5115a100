import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, durationParts, parseDuration, toMilliseconds } from '../../src/core/duration';

describe('durations', () => {
  it('reads every unit the policy uses', () => {
    expect(toMilliseconds('30s')).toBe(30_000);
    expect(toMilliseconds('15min')).toBe(900_000);
    expect(toMilliseconds('2h')).toBe(7_200_000);
    expect(toMilliseconds('7d')).toBe(604_800_000);
    expect(toMilliseconds('2w')).toBe(1_209_600_000);
    expect(toMilliseconds(1234)).toBe(1234);
  });

  it('counts a month as a twelfth of the mean Gregorian year, so twelve months are one year', () => {
    expect(toMilliseconds('12mo')).toBe(toMilliseconds('1y'));
    expect(DURATION_UNITS.mo / DURATION_UNITS.d).toBeCloseTo(30.436875, 6);
    expect(toMilliseconds('26mo')).toBeGreaterThan(toMilliseconds('2y') as number);
  });

  it('refuses what is not a duration, without throwing', () => {
    for (const value of ['', '15', '15 minutes', '1 year', '-1d', 'abc', null, undefined, {}, Number.NaN, -5, '1e3s']) {
      expect(toMilliseconds(value)).toBeNull();
    }
  });

  it('throws an error that names the place and the accepted forms', () => {
    expect(() => parseDuration('15 minutes', 'categories.analytics.lifetime.min')).toThrowError(
      /categories\.analytics\.lifetime\.min: "15 minutes" is not a duration\. Use milliseconds .*'15min'/,
    );
  });

  it('gives the declared parts back for display, and whole units for milliseconds', () => {
    expect(durationParts('26mo')).toEqual({ amount: 26, unit: 'mo' });
    expect(durationParts('15min')).toEqual({ amount: 15, unit: 'min' });
    expect(durationParts(86_400_000)).toEqual({ amount: 1, unit: 'd' });
    expect(durationParts(1500)).toEqual({ amount: 1500, unit: 'ms' });
  });
});
