import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentLogger } from '../../src/core/consent-logger';
import type { ConsentRecord } from '../../src/core/consent-record';
import { createConsentStore } from '../../src/core/consent-store';
import { PROOF_OF_CONSENT_FIELDS } from '../proof-of-consent';

const ENDPOINT = 'https://shop.example/api/consent-log';
let clock = Date.UTC(2026, 10, 25, 12);
const now = () => clock;

afterEach(() => {
  clock = Date.UTC(2026, 10, 25, 12);
});

/** A consent log server that is down until switched on; it keeps every record it received. */
function fakeServer() {
  const server = { up: false, received: [] as unknown[], requests: [] as RequestInit[] };
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    server.requests.push(init ?? {});
    if (!server.up) throw new TypeError('Failed to fetch');
    server.received.push(JSON.parse(String(init?.body)));
    return new Response(null, { status: 204 });
  });
  return { server, fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch };
}

function decide(onDecision: (record: ConsentRecord) => void) {
  const store = createConsentStore(shopPolicy, { sync: false, now, onDecision, signals: { gpc: false, dnt: true } });
  store.setRecordContext({ language: 'fi', textHash: 'a'.repeat(64) });
  return store;
}

describe('given a consent log server that is up', () => {
  it('posts the record as JSON with keepalive, without cookies or referrer, and keeps nothing queued', async () => {
    const { server, fetch } = fakeServer();
    server.up = true;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const store = decide(logger);
    store.acceptAll();
    await logger.flush();
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toEqual({ ...store.getSnapshot().record, language: 'fi', textHash: 'a'.repeat(64) });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(logger.pending()).toBe(0);
    expect(localStorage.getItem('consent_log_queue')).toBeNull();
  });

  it('returns before the request settles: the decision is never held up', () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {})) as unknown as typeof globalThis.fetch;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const store = decide(logger);
    store.rejectAll();
    expect(store.getSnapshot().status).toBe('decided');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends nothing but the record, even when the caller attached more to it', async () => {
    const { server, fetch } = fakeServer();
    server.up = true;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    decide((record) =>
      logger({ ...record, email: 'mother@example.fi', ip: '203.0.113.9' } as ConsentRecord),
    ).acceptAll();
    await logger.flush();
    expect(Object.keys(server.received[0] as object).sort()).toEqual([...PROOF_OF_CONSENT_FIELDS]);
  });
});

describe('given a consent log server that is down', () => {
  it('keeps the record and delivers it exactly once on the next page load, when the server is up', async () => {
    const { server, fetch, calls } = fakeServer();
    const firstPage = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    decide(firstPage).save({ analytics: true });
    await firstPage.flush();
    expect(server.received).toEqual([]);
    expect(firstPage.pending()).toBe(1);

    server.up = true;
    clock += 5_000;
    const nextPage = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    await nextPage.flush();
    await firstPage.flush();
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ action: 'custom', choices: { analytics: true, marketing: false } });
    expect(nextPage.pending()).toBe(0);
    expect(calls.mock.calls.length).toBe(2);
  });

  it('waits longer after each further failure', async () => {
    const { server, fetch, calls } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now, retryDelay: 60_000 });
    decide(logger).acceptAll();
    await logger.flush(); // 1st failure: due again at once (next page load)
    await logger.flush(); // 2nd failure: wait 60 s
    expect(calls).toHaveBeenCalledTimes(2);
    clock += 59_000;
    await logger.flush();
    expect(calls).toHaveBeenCalledTimes(2);
    clock += 1_000;
    await logger.flush(); // 3rd failure: wait 120 s
    expect(calls).toHaveBeenCalledTimes(3);
    server.up = true;
    clock += 119_000;
    await logger.flush();
    expect(server.received).toEqual([]);
    clock += 1_000;
    await logger.flush();
    expect(server.received).toHaveLength(1);
  });

  it('gives a record up after the last attempt', async () => {
    const { fetch } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now, maxAttempts: 2 });
    decide(logger).acceptAll();
    await logger.flush();
    await logger.flush();
    expect(logger.pending()).toBe(0);
  });

  it('keeps one queue entry per decision, including a later withdrawal', async () => {
    const { fetch } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const store = decide(logger);
    store.acceptAll();
    clock += 1_000;
    store.save({ personalization: false });
    await logger.flush();
    const queued = JSON.parse(localStorage.getItem('consent_log_queue') ?? '[]') as { record: ConsentRecord }[];
    expect(queued.map((entry) => entry.record.action)).toEqual(['accept-all', 'withdraw']);
  });
});

describe('given a browser that refuses storage and a fetch that throws at once', () => {
  it('never throws into the decision', () => {
    const fetch = vi.fn(() => {
      throw new Error('blocked');
    }) as unknown as typeof globalThis.fetch;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('QuotaExceededError');
    });
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    expect(() => decide(logger).acceptAll()).not.toThrow();
  });
});
