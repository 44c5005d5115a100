import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationRange } from '../../src/i18n/format-duration';

describe('lifetimes in words of the language', () => {
  it.each([
    ['26mo', 'fi', '26 kuukautta'],
    ['26mo', 'en', '26 months'],
    ['15min', 'fi', '15 minuuttia'],
    ['15min', 'en', '15 minutes'],
    ['30s', 'en', '30 seconds'],
    ['30s', 'fi', '30 sekuntia'],
    ['24h', 'fi', '24 tuntia'],
    ['30d', 'en', '30 days'],
    ['1y', 'en', '1 year'],
    [86_400_000, 'en', '1 day'],
    ['26mo', 'sv', '26 månader'],
    ['1mo', 'sv', '1 månad'],
    ['15min', 'sv', '15 minuter'],
    ['30s', 'sv', '30 sekunder'],
    ['24h', 'sv', '24 timmar'],
  ])('%s in %s reads "%s"', (duration, language, expected) => {
    expect(formatDuration(duration, language)).toBe(expected);
  });

  it('reads a range with both ends in full words: "15 minutes – 26 months"', () => {
    expect(formatDurationRange('15min', '26mo', 'en')).toBe('15 minutes – 26 months');
    expect(formatDurationRange('15min', '26mo', 'fi')).toBe('15 minuuttia – 26 kuukautta');
    expect(formatDurationRange('30s', '26mo', 'en')).toBe('30 seconds – 26 months');
    expect(formatDurationRange('30s', '26mo', 'fi')).toBe('30 sekuntia – 26 kuukautta');
    expect(formatDurationRange('6mo', '26mo', 'en')).toBe('6 months – 26 months');
    expect(formatDurationRange('15min', '26mo', 'sv')).toBe('15 minuter – 26 månader');
  });

  it('shows an unreadable value as given rather than failing', () => {
    expect(formatDuration('forever', 'en')).toBe('forever');
  });
});
