import type { RateLimitOptions } from './consent-log-types';

/** Whether a client may post now, and if not, how many seconds until it may. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfter: number };

interface Bucket {
  tokens: number;
  /** When `tokens` was counted (ms since the epoch). */
  at: number;
}

/**
 * A token bucket per client, in memory only: each client holds up to `burst` tokens, refilled at `perMinute`
 * a minute; a record takes one. At most `maxClients` buckets are kept (the least recently seen is dropped:
 * it would have refilled anyway or belongs to a client gone quiet), so memory stays bounded whatever the
 * number of addresses. The keys are held only while counting: never stored or logged.
 */
export function createRateLimit(options: RateLimitOptions, now: () => number): (key: string) => RateDecision {
  const perMinute = Math.max(1, options.perMinute ?? 60);
  const burst = Math.max(1, options.burst ?? perMinute);
  const maxClients = Math.max(1, options.maxClients ?? 10_000);
  const perMs = perMinute / 60_000;
  // A Map keeps insertion order: re-inserting on each use makes its first key the least recently seen.
  const buckets = new Map<string, Bucket>();
  return (key) => {
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: burst, at };
    buckets.delete(key);
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
    bucket.at = at;
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  };
}

/** The client of a request for counting: first `X-Forwarded-For` address, else `X-Real-IP`, else one shared key. */
export function defaultClientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = request.headers.get('x-real-ip')?.trim();
  return real ? real.slice(0, 64) : 'shared';
}
