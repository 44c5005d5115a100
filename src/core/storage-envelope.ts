import type { StorageKind } from './policy';

/** A value written through the policy storage, with when it was written and when it expires (ms since the epoch). */
export interface StoredEnvelope<T = unknown> {
  readonly value: T;
  readonly writtenAt: number;
  readonly expiresAt: number;
}

const COOKIE_PREFIX = 'rcp1.';
const BASE36 = /^[0-9a-z]{1,11}$/;

function time(field: unknown): number | null {
  if (typeof field === 'number') return Number.isSafeInteger(field) && field >= 0 ? field : null;
  if (typeof field !== 'string' || !BASE36.test(field)) return null;
  return Number.parseInt(field, 36);
}

/**
 * Encodes a value with its expiry. Web Storage holds JSON `{"rcp":1,"t":written,"e":expires,"v":value}`;
 * a cookie holds `rcp1.<written>.<expires>.<value>` (times in base 36, the value as URI-encoded JSON),
 * so that a server reading the cookie can decode it with `decodeStoredValue('cookie', raw)` from the core.
 */
export function encodeStoredValue(kind: StorageKind, envelope: StoredEnvelope): string {
  const { value, writtenAt, expiresAt } = envelope;
  if (kind !== 'cookie') return JSON.stringify({ rcp: 1, t: writtenAt, e: expiresAt, v: value });
  return `${COOKIE_PREFIX}${writtenAt.toString(36)}.${expiresAt.toString(36)}.${encodeURIComponent(JSON.stringify(value))}`;
}

/** Decodes what `encodeStoredValue` wrote; anything else (a value written by other code) is null. Never throws. */
export function decodeStoredValue<T = unknown>(
  kind: StorageKind,
  raw: string | null | undefined,
): StoredEnvelope<T> | null {
  if (typeof raw !== 'string') return null;
  try {
    if (kind === 'cookie') {
      if (!raw.startsWith(COOKIE_PREFIX)) return null;
      const [written, expires, ...rest] = raw.slice(COOKIE_PREFIX.length).split('.');
      const writtenAt = time(written);
      const expiresAt = time(expires);
      if (writtenAt === null || expiresAt === null) return null;
      return { value: JSON.parse(decodeURIComponent(rest.join('.'))) as T, writtenAt, expiresAt };
    }
    if (!raw.startsWith('{"rcp":1,')) return null;
    const parsed = JSON.parse(raw) as { t?: unknown; e?: unknown; v?: T };
    const writtenAt = time(parsed.t);
    const expiresAt = time(parsed.e);
    if (writtenAt === null || expiresAt === null || !('v' in parsed)) return null;
    return { value: parsed.v as T, writtenAt, expiresAt };
  } catch {
    return null;
  }
}

/**
 * When an envelope really expires under a declared lifetime: its own expiry, or earlier when the policy
 * has since shortened the item's lifetime (a declared lifetime is a ceiling, also for values already written).
 */
export function effectiveExpiry(envelope: StoredEnvelope, lifetime: number): number {
  return Math.min(envelope.expiresAt, envelope.writtenAt + lifetime);
}
