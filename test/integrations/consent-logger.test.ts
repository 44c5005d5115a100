import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { auditStorage } from '../../src/core/audit';
import { createConsentLogger } from '../../src/core/consent-logger';
import type { ConsentRecord } from '../../src/core/consent-record';
import { randomId } from '../../src/core/consent-record-writer';
import { createConsentStore } from '../../src/core/consent-store';
import { DAY } from '../../src/core/time';
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

const KEY = 'consent_log_queue';

/** Which decisions a log received: a record is one decision of one visitor. */
const keysOf = (received: unknown[]) =>
  received.map((body) => `${(body as ConsentRecord).id}@${(body as ConsentRecord).decidedAt}`);

/** Lets the start-up retry of the loggers just created run, and the fake fetches settle. */
async function settle() {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The records waiting in the stored queue, whichever way it was written. */
function storedQueue(): { record: ConsentRecord }[] {
  const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
  return Array.isArray(parsed) ? parsed : (parsed.v?.queue ?? []);
}

/** A well-formed record of this shop, decided at `at`. */
function recordAt(at: number): ConsentRecord {
  return {
    id: randomId(),
    revision: 1,
    choices: { necessary: true, personalization: false, analytics: true, marketing: false },
    decidedAt: new Date(at).toISOString(),
    expiresAt: new Date(at + 365 * DAY).toISOString(),
    action: 'custom',
    signals: { gpc: false, dnt: true },
    language: 'fi',
    textHash: 'a'.repeat(64),
  };
}

/** Five decisions of one visitor, a second apart (each is its own record). */
function decideFiveTimes(onDecision: (record: ConsentRecord) => void) {
  const store = decide(onDecision);
  const steps = [
    () => store.acceptAll(),
    () => store.rejectAll(),
    () => store.save({ analytics: true }),
    () => store.acceptAll(),
    () => store.rejectAll(),
  ];
  for (const step of steps) {
    clock += 1_000;
    step();
  }
  return store;
}

function decide(onDecision: (record: ConsentRecord) => void) {
  const store = createConsentStore(shopPolicy, { sync: false, now, onDecision, signals: { gpc: false, dnt: true } });
  store.setRecordContext({ language: 'fi', textHash: 'a'.repeat(64) });
  return store;
}

/** The log received five decisions, each exactly once. */
function expectEachOfFiveOnce(server: { received: unknown[] }) {
  expect(new Set(keysOf(server.received)).size).toBe(5);
  expect(server.received).toHaveLength(5);
}

/** Five decisions while the log is down: the records wait; once it is back, each arrives exactly once. */
async function fiveWaitThenArriveOnce(
  logger: ReturnType<typeof createConsentLogger>,
  server: { up: boolean; received: unknown[] },
) {
  decideFiveTimes(logger);
  await logger.flush();
  expect(logger.pending()).toBe(5);
  server.up = true;
  await logger.flush();
  await logger.flush();
  expectEachOfFiveOnce(server);
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
    expect(storedQueue().map((entry) => entry.record.action)).toEqual(['accept-all', 'withdraw']);
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

/** Five decisions while the log is up, flushed: each record must arrive once, whatever storage does. */
async function postFiveWhileUp() {
  const { server, fetch } = fakeServer();
  server.up = true;
  const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
  decideFiveTimes(logger);
  await logger.flush();
  expectEachOfFiveOnce(server);
  return logger;
}

describe('given storage that is full (every write throws QuotaExceededError)', () => {
  const fillStorage = () =>
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

  it('posts all 5 records of 5 decisions while the log is up', async () => {
    fillStorage();
    expect((await postFiveWhileUp()).pending()).toBe(0);
  });

  it('keeps the 5 records in memory while the log is down and posts each once when it is back', async () => {
    fillStorage();
    const { server, fetch } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await fiveWaitThenArriveOnce(logger, server);
    expect(logger.pending()).toBe(0);
  });

  it('counts the failures of a record stored before the storage filled, and gives it up after the last attempt', async () => {
    const { fetch, calls } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now, maxAttempts: 3 });
    await settle();
    decide(logger).acceptAll();
    await logger.flush();
    expect(storedQueue()).toHaveLength(1);
    fillStorage();
    for (let load = 0; load < 5; load++) {
      clock += 2 * DAY;
      await logger.flush();
    }
    // The stored copy still says "never tried": this page's count is the later one.
    expect(calls.mock.calls.length).toBe(3);
    expect(logger.pending()).toBe(0);
  });

  it('posts a record once while its request is in flight, though storage cannot hold the lease', async () => {
    fillStorage();
    const answers: ((response: Response) => void)[] = [];
    const fetch = vi.fn(
      () => new Promise<Response>((resolve) => answers.push(resolve)),
    ) as unknown as typeof globalThis.fetch;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    decide(logger).acceptAll();
    const flushes = [logger.flush(), logger.flush()];
    clock += 120_000;
    flushes.push(logger.flush());
    expect(fetch).toHaveBeenCalledTimes(1);
    for (const answer of answers) answer(new Response(null, { status: 204 }));
    await Promise.all(flushes);
    await logger.flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(logger.pending()).toBe(0);
  });
});

describe('given storage that throws on access, as in a sandboxed iframe', () => {
  it('posts every record from memory, once, when the log is back', async () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The document is sandboxed.', 'SecurityError');
    });
    try {
      const { server, fetch } = fakeServer();
      const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
      await fiveWaitThenArriveOnce(logger, server);
    } finally {
      // The storage is cleared after each test.
      blocked.mockRestore();
    }
  });
});

describe('given storage that silently drops every write', () => {
  it('posts all 5 records', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {});
    await postFiveWhileUp();
  });
});

/** Two tabs on one storage, each with a decision of its own (a second apart), each flushed once. */
async function twoTabsThatDecided(fetch: typeof globalThis.fetch) {
  const first = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
  const second = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
  await settle();
  decide(first).acceptAll();
  clock += 1_000;
  decide(second).rejectAll();
  await Promise.all([first.flush(), second.flush()]);
  return { first, second };
}

describe('given two tabs that share one storage', () => {
  it('posts each tab’s record once, whichever tab retries first', async () => {
    const { server, fetch } = fakeServer();
    const { first, second } = await twoTabsThatDecided(fetch);
    expect(storedQueue()).toHaveLength(2);

    server.up = true;
    await Promise.all([second.flush(), first.flush()]);
    for (let load = 0; load < 3; load++) {
      clock += 2 * DAY;
      await Promise.all([first.flush(), second.flush()]);
    }
    expect(server.received).toHaveLength(2);
    expect(new Set(keysOf(server.received)).size).toBe(2);
    expect([first.pending(), second.pending()]).toEqual([0, 0]);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('does not post again a record the other tab delivered while another record still waits', async () => {
    const { server, fetch, calls } = fakeServer();
    const { first, second } = await twoTabsThatDecided(fetch);
    // Both tabs have read both records from storage.
    expect([first.pending(), second.pending()]).toEqual([2, 2]);

    // The log takes acceptances only, for now: the refusal keeps waiting in the queue.
    server.up = true;
    const take = calls.getMockImplementation();
    calls.mockImplementation(async (url, init) =>
      JSON.parse(String(init?.body)).action === 'accept-all'
        ? (take?.(url, init) as Promise<Response>)
        : new Response(null, { status: 503 }),
    );
    await second.flush();
    expect(server.received).toHaveLength(1);
    clock += DAY;
    await first.flush();
    expect(server.received).toHaveLength(1);
    expect([first.pending(), second.pending()]).toEqual([1, 1]);
  });

  it('posts each tab’s record once when the storage is full', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { server, fetch } = fakeServer();
    server.up = true;
    const first = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const second = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    decide(first).acceptAll();
    clock += 1_000;
    decide(second).rejectAll();
    await Promise.all([first.flush(), second.flush(), first.flush(), second.flush()]);
    expect(server.received).toHaveLength(2);
    expect(new Set(keysOf(server.received)).size).toBe(2);
  });

  it('still posts a record that the other tab’s write overwrote in storage', async () => {
    const { server, fetch } = fakeServer();
    const first = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const second = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await settle();
    decide(second).rejectAll();
    // What the second tab read before the first tab wrote, and writes back after it: the first tab's record
    // is gone from storage, as when two tabs write the queue at the same moment.
    const readBySecond = localStorage.getItem(KEY) as string;
    clock += 1_000;
    decide(first).acceptAll();
    expect(storedQueue()).toHaveLength(2);
    localStorage.setItem(KEY, readBySecond);
    expect(storedQueue()).toHaveLength(1);

    server.up = true;
    await Promise.all([first.flush(), second.flush()]);
    await Promise.all([first.flush(), second.flush()]);
    expect(server.received).toHaveLength(2);
    expect(new Set(keysOf(server.received)).size).toBe(2);
  });
});

describe('given a stored queue of 10,000 entries, as an attacker or a bug may leave it', () => {
  const storeEntries = (count: number) => {
    const entries = Array.from({ length: count }, (_, index) => ({
      record: recordAt(clock - (count - index) * 1_000),
      attempts: 0,
      next: 0,
    }));
    localStorage.setItem(KEY, JSON.stringify(entries));
    return entries;
  };

  it('posts at most maxQueue records in the flush of a page load, the newest ones', async () => {
    const entries = storeEntries(10_000);
    const { server, fetch, calls } = fakeServer();
    server.up = true;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now, maxQueue: 20 });
    await settle();
    await logger.flush();
    expect(calls.mock.calls.length).toBe(20);
    expect(keysOf(server.received).sort()).toEqual(keysOf(entries.slice(-20).map((entry) => entry.record)).sort());
    expect(logger.pending()).toBe(0);
  });

  it('keeps the stored queue within maxQueue while the log is down', async () => {
    storeEntries(10_000);
    const { fetch, calls } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await settle();
    expect(calls.mock.calls.length).toBe(50);
    expect(logger.pending()).toBe(50);
    expect(storedQueue()).toHaveLength(50);
    // A decision joins the queue and the oldest entry leaves it.
    decide(logger).acceptAll();
    await logger.flush();
    expect(storedQueue()).toHaveLength(50);
    expect(calls.mock.calls.length).toBeLessThanOrEqual(100);
  });
});

describe('given malformed entries in the stored queue', () => {
  it('posts well-formed records rebuilt field by field, repairs bad retry times and drops the rest', async () => {
    const at = (seconds: number) => clock - seconds * 1_000;
    const missingNext = recordAt(at(10));
    const stringAttempts = recordAt(at(9));
    const withExtras = recordAt(at(8));
    const farFuture = recordAt(at(7));
    const malformed: unknown[] = [
      null,
      42,
      'record',
      { record: { ...recordAt(at(6)), id: 'not-a-uuid' }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), revision: '1' }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), revision: 1.5 }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), choices: { necessary: true, analytics: 'yes' } }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), choices: ['necessary'] }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), decidedAt: 'yesterday' }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), expiresAt: 1_800_000_000_000 }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), action: 'accept' }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), signals: { gpc: 'no', dnt: false } }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), language: 7 }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), textHash: 'f'.repeat(200_000) }, attempts: 0, next: 0 },
      { record: { ...recordAt(at(6)), signals: undefined }, attempts: 0, next: 0 },
      { attempts: 0, next: 0 },
    ];
    const stored = [
      { record: missingNext, attempts: 0 },
      { record: stringAttempts, attempts: '3', next: 0 },
      {
        record: { ...withExtras, email: 'mother@example.fi', padding: 'x'.repeat(200_000) },
        attempts: 0,
        next: 0,
        note: 'y'.repeat(1_000),
      },
      { record: farFuture, attempts: 1, next: 8.64e15 },
      ...malformed,
    ];
    localStorage.setItem(KEY, JSON.stringify(stored));
    const { server, fetch } = fakeServer();
    server.up = true;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await settle();
    // A retry time far in the future is brought back within the longest wait (a day).
    clock += DAY;
    await logger.flush();

    expect(keysOf(server.received).sort()).toEqual(keysOf([missingNext, stringAttempts, withExtras, farFuture]).sort());
    for (const body of server.received) {
      expect(Object.keys(body as object).sort()).toEqual([...PROOF_OF_CONSENT_FIELDS]);
      expect(JSON.stringify(body).length).toBeLessThan(1_000);
    }
    expect(server.received).toContainEqual(withExtras);
    expect(logger.pending()).toBe(0);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('gives up an entry whose attempts were stored as text after the last attempt, like any other', async () => {
    localStorage.setItem(KEY, JSON.stringify([{ record: recordAt(clock), attempts: 'many', next: 'soon' }]));
    const { fetch, calls } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now, maxAttempts: 3 });
    await settle();
    for (let load = 0; load < 5; load++) {
      clock += 2 * DAY;
      await logger.flush();
    }
    expect(calls.mock.calls.length).toBe(3);
    expect(logger.pending()).toBe(0);
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});

describe('given the queue’s declared lifetime of 30 days', () => {
  it('drops a record that waited longer than 30 days instead of posting it', async () => {
    const { server, fetch } = fakeServer();
    const firstPage = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    decide(firstPage).acceptAll();
    await firstPage.flush();
    expect(firstPage.pending()).toBe(1);

    server.up = true;
    clock += 30 * DAY + 1;
    const nextPage = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    await settle();
    await nextPage.flush();
    expect(server.received).toEqual([]);
    expect(nextPage.pending()).toBe(0);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('writes the queue with its expiry, so that the storage audit finds it within the declared lifetime', async () => {
    const { fetch } = fakeServer();
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    const store = decide(logger);
    store.acceptAll();
    await logger.flush();
    const audit = auditStorage(shopPolicy, store.getSnapshot(), { now: clock });
    const queue = audit.items.find((item) => item.name === KEY);
    expect(queue?.problems).toEqual([]);
    expect(queue?.expiresAt).toBe(clock + 30 * DAY);
  });
});

describe('given something that is not a consent record', () => {
  it('posts nothing and warns in development', async () => {
    const warning = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { server, fetch } = fakeServer();
    server.up = true;
    const logger = createConsentLogger({ endpoint: ENDPOINT, fetch, now });
    logger({ ...recordAt(clock), id: 'visitor@example.fi' });
    logger({ ...recordAt(clock), choices: { analytics: 'yes' } } as unknown as ConsentRecord);
    await logger.flush();
    expect(server.received).toEqual([]);
    expect(warning).toHaveBeenCalledTimes(2);
  });
});

describe('given a clock that throws', () => {
  it('never throws into the decision, and flush resolves', async () => {
    const { fetch } = fakeServer();
    const logger = createConsentLogger({
      endpoint: ENDPOINT,
      fetch,
      now: () => {
        throw new Error('no clock');
      },
    });
    expect(() => decide(logger).acceptAll()).not.toThrow();
    await expect(logger.flush()).resolves.toBeUndefined();
    expect(() => logger.pending()).not.toThrow();
  });
});
