import { type DurationUnit, durationParts } from '../core/duration';

const INTL_UNITS: Readonly<Record<DurationUnit, string>> = {
  ms: 'millisecond',
  s: 'second',
  min: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, unit: string): Intl.NumberFormat {
  const key = `${language}|${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format;
}

/**
 * A declared lifetime in words of the language, with `Intl`: '26mo' -> "26 kuukautta" / "26 months",
 * '15min' -> "15 minuuttia", '30s' -> "30 seconds". Unreadable input is shown as given.
 */
export function formatDuration(value: unknown, language: string): string {
  const parts = durationParts(value);
  if (!parts) return String(value);
  return numberFormat(language, INTL_UNITS[parts.unit]).format(parts.amount);
}

/**
 * A lifetime range, both ends in full words, as the policy text writes it: "15 minutes – 26 months",
 * "30 sekuntia – 26 kuukautta" (an abbreviated end beside a full one read as two styles).
 */
export function formatDurationRange(min: unknown, max: unknown, language: string): string {
  return `${formatDuration(min, language)} – ${formatDuration(max, language)}`;
}
