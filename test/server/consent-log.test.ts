// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentLogger } from '../../src/core/consent-logger';
import { createConsentStore } from '../../src/core/consent-store';
import type { ConsentLog, StoredRecord } from '../../src/server/consent-log-types';
import { KINDS, type LogTarget, logTarget } from './log-targets';
import { aRecord, post } from './records';

/** Tests that reach behind the log's back: on PGlite each time closes and reopens the database. */
const SLOW = 60_000;

const all = async (log: ConsentLog) => {
  const rows: StoredRecord[] = [];
  for await (const row of log.records()) rows.push(row);
  return rows;
};

describe.each(KINDS)('the consent log on %s', (kind) => {
  let target: LogTarget;
  let log: ConsentLog;

  beforeAll(async () => {
    target = await logTarget(kind);
    log = await target.open();
  }, 60_000);
  afterAll(async () => {
    await log?.close();
    await target?.dispose();
  });

  /** SQL behind the log's back. PGlite has one connection: the log is closed meanwhile, then reopened. */
  async function raw<R = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<R[]> {
    if (kind === 'postgres') return target.sql<R>(statement, params);
    await log.close();
    try {
      return await target.sql<R>(statement, params);
    } finally {
      log = await target.open();
    }
  }

  describe('given the browser logger posting to the handler', () => {
    it('stores each decision of a visitor, found by its consent id in decision order', async () => {
      let clock = Date.now() - 60_000;
      const logger = createConsentLogger({
        endpoint: 'https://shop.test/api/consent-log',
        fetch: (url, init) => log.handler(new Request(url, init)),
        now: () => clock,
      });
      const store = createConsentStore(shopPolicy, { sync: false, now: () => clock, onDecision: logger });
      store.acceptAll();
      clock += 1000;
      store.save({ analytics: false, marketing: false, personalization: true });
      // Each decision posts at once, in the background: delivered, it leaves the logger's queue.
      await vi.waitFor(() => expect(logger.pending()).toBe(0), { timeout: 10_000 });

      const id = store.getSnapshot().record!.id;
      const found = await log.find(id);
      expect(found.map((record) => [record.action, record.choices])).toEqual([
        ['accept-all', { necessary: true, personalization: true, analytics: true, marketing: true }],
        // Taking grants back is a withdrawal.
        ['withdraw', { necessary: true, personalization: true, analytics: false, marketing: false }],
      ]);
      expect(found[1]?.prevHash).toBe(found[0]?.hash);
    });
  });

  describe('when the logger retries a record', () => {
    it('stores it once: 201 the first time, 200 after', async () => {
      const record = aRecord();
      expect((await log.handler(post(record))).status).toBe(201);
      const again = await log.handler(post(record));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ stored: true, repeat: true });
      expect(await log.find(record.id)).toHaveLength(1);
    });

    it('answers 409 to a different record under the same id and time, and keeps the first', async () => {
      const record = aRecord({
        action: 'reject-all',
        choices: { necessary: true, personalization: false, analytics: false, marketing: false },
      });
      expect((await log.handler(post(record))).status).toBe(201);
      const changed = { ...record, action: 'accept-all', choices: { ...record.choices, marketing: true } };
      expect((await log.handler(post(changed))).status).toBe(409);
      const [kept, ...more] = await log.find(record.id);
      expect(more).toHaveLength(0);
      expect(kept?.action).toBe('reject-all');
      expect(kept?.choices.marketing).toBe(false);
    });
  });

  describe('given bad input', () => {
    const huge = JSON.stringify({ ...aRecord(), pad: 'x'.repeat(5000) });
    const bad: [string, () => Request, number, RegExp?][] = [
      ['a GET', () => new Request('http://shop.test/api/consent-log'), 405],
      [
        'a PUT',
        () =>
          new Request('http://shop.test/x', {
            method: 'PUT',
            body: '{}',
            headers: { 'content-type': 'application/json' },
          }),
        405,
      ],
      ['text/plain', () => post(aRecord(), { 'content-type': 'text/plain' }), 415],
      [
        'no content type',
        () => new Request('http://shop.test/x', { method: 'POST', body: JSON.stringify(aRecord()) }),
        415,
      ],
      ['a body over 4 KiB', () => post(huge), 413],
      ['a body over 4 KiB under a small Content-Length', () => post(huge, { 'content-length': '100' }), 413],
      [
        'a body over 4 KiB streamed without a length',
        () =>
          new Request('http://shop.test/x', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: new ReadableStream({
              start(controller) {
                for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1000)));
                controller.close();
              },
            }),
            duplex: 'half',
          } as RequestInit),
        413,
      ],
      ['not JSON', () => post('{"id":'), 400, /not JSON/],
      ['a JSON array', () => post([aRecord()]), 400, /object/],
      ['the wrong revision', () => post(aRecord({ revision: 2 })), 400, /revision/],
      [
        'an unknown category',
        () => post(aRecord({ choices: { ...aRecord().choices, tracking: true } })),
        400,
        /tracking/,
      ],
      [
        'a missing category',
        () => post(aRecord({ choices: { necessary: true, personalization: true, analytics: true } })),
        400,
        /marketing/,
      ],
      [
        'a required category not granted',
        () => post(aRecord({ choices: { ...aRecord().choices, necessary: false } })),
        400,
        /necessary/,
      ],
      [
        'a category granted as "true"',
        () => post({ ...aRecord(), choices: { ...aRecord().choices, analytics: 'true' } }),
        400,
      ],
      ['a malformed id', () => post(aRecord({ id: 'visitor-42' })), 400, /id/],
      ['an upper-case id', () => post(aRecord({ id: aRecord().id.toUpperCase() })), 400, /id/],
      ['a malformed time', () => post(aRecord({ decidedAt: '2026-12-05 10:00' })), 400, /decidedAt/],
      ['a time in another spelling', () => post(aRecord({ decidedAt: '2026-12-05T10:00:00Z' })), 400, /decidedAt/],
      ['a decision ten minutes ahead', () => post(aRecord({}, -10 * 60_000)), 400, /future/],
      [
        'an expiry past consentMaxAge',
        () => post(aRecord({ expiresAt: '2099-01-01T00:00:00.000Z' })),
        400,
        /expiresAt/,
      ],
      ['an unknown action', () => post({ ...aRecord(), action: 'grant-everything' }), 400, /action/],
      ['signals missing', () => post({ ...aRecord(), signals: undefined }), 400, /signals/],
      ['an unknown field', () => post({ ...aRecord(), ip: '203.0.113.7' }), 400, /unknown field "ip"/],
      ['a language that is not a tag', () => post(aRecord({ language: '=HYPERLINK("x")' })), 400, /language/],
      ['a text hash that is not SHA-256', () => post(aRecord({ textHash: 'abc' })), 400, /textHash/],
      ['a body that is not UTF-8', () => post(new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string), 400],
    ];

    it.each(bad)('answers %s with its status and a reason, and stores nothing', async (_, request, status, reason) => {
      const before = (await all(log)).length;
      const response = await log.handler(request());
      expect(response.status).toBe(status);
      if (status === 405) expect(response.headers.get('allow')).toBe('POST');
      const body = (await response.json()) as { error: string };
      expect(body.error).toEqual(expect.any(String));
      if (reason) expect(body.error).toMatch(reason);
      expect((await all(log)).length).toBe(before);
    });

    it('accepts a decision a minute ahead (the visitor clock may run ahead)', async () => {
      expect((await log.handler(post(aRecord({}, -60_000)))).status).toBe(201);
    });
  });

  describe('when 1,000 records arrive at once', () => {
    it('stores each once, loses none, and the chain stays one line', async () => {
      const records = Array.from({ length: 1000 }, () => aRecord());
      const statuses = await Promise.all(records.map(async (record) => (await log.handler(post(record))).status));
      expect(statuses.filter((status) => status === 201)).toHaveLength(1000);
      const stored = await all(log);
      const keys = new Set(stored.map((record) => `${record.id}@${record.decidedAt}`));
      for (const record of records) expect(keys.has(`${record.id}@${record.decidedAt}`)).toBe(true);
      expect(stored.length).toBe(keys.size);
      const seqs = stored.map((record) => record.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
      expect(await log.verify()).toMatchObject({ records: stored.length, ok: true });
    }, 60_000);
  });

  describe('reading', () => {
    it('streams the records of a time range, in decision order', async () => {
      const day = Date.parse('2026-01-10T00:00:00.000Z');
      const at = (ms: number) =>
        aRecord({ decidedAt: new Date(ms).toISOString(), expiresAt: new Date(ms + 1000).toISOString() });
      const records = [at(day + 5000), at(day - 1), at(day + 86_400_000 - 1), at(day + 86_400_000), at(day)];
      for (const record of records) expect((await log.handler(post(record))).status).toBe(201);
      const found: StoredRecord[] = [];
      for await (const record of log.records({ from: '2026-01-10', to: '2026-01-10' })) found.push(record);
      expect(found.map((record) => record.decidedAt)).toEqual([
        '2026-01-10T00:00:00.000Z',
        '2026-01-10T00:00:05.000Z',
        '2026-01-10T23:59:59.999Z',
      ]);
    });

    it('counts each UTC day: decisions by action and grants per category', async () => {
      const on = (time: string, action: 'accept-all' | 'reject-all' | 'custom' | 'withdraw', analytics: boolean) =>
        aRecord({
          decidedAt: time,
          expiresAt: new Date(Date.parse(time) + 1000).toISOString(),
          action,
          choices: { necessary: true, personalization: false, analytics, marketing: action === 'accept-all' },
        });
      for (const record of [
        on('2025-03-01T08:00:00.000Z', 'accept-all', true),
        on('2025-03-01T23:59:59.999Z', 'reject-all', false),
        on('2025-03-03T00:00:00.000Z', 'custom', true),
        on('2025-03-03T12:00:00.000Z', 'withdraw', false),
        on('2025-03-04T00:00:00.000Z', 'accept-all', true),
      ]) {
        expect((await log.handler(post(record))).status).toBe(201);
      }
      const stats = await log.stats({ from: '2025-03-01', to: '2025-03-03' });
      expect(stats).toEqual([
        {
          day: '2025-03-01',
          decisions: 2,
          actions: { 'accept-all': 1, 'reject-all': 1, custom: 0, withdraw: 0 },
          grants: { necessary: 2, personalization: 0, analytics: 1, marketing: 1 },
        },
        {
          day: '2025-03-02',
          decisions: 0,
          actions: { 'accept-all': 0, 'reject-all': 0, custom: 0, withdraw: 0 },
          grants: { necessary: 0, personalization: 0, analytics: 0, marketing: 0 },
        },
        {
          day: '2025-03-03',
          decisions: 2,
          actions: { 'accept-all': 0, 'reject-all': 0, custom: 1, withdraw: 1 },
          grants: { necessary: 2, personalization: 0, analytics: 1, marketing: 0 },
        },
      ]);
    });

    it('finds nothing for an id that is not a UUID', async () => {
      expect(await log.find("' OR 1=1 --")).toEqual([]);
    });
  });

  describe('the stored rows', () => {
    it(
      'hold nothing the visitor did not send: no address, user agent or cookie',
      async () => {
        const record = aRecord();
        const request = post(record, {
          'x-forwarded-for': '203.0.113.7',
          'user-agent': 'Mozilla/5.0 (Secret Browser)',
          cookie: 'session_id=s3cr3t',
        });
        expect((await log.handler(request)).status).toBe(201);
        const columns = await raw<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'consent_records' AND table_schema = current_schema() ORDER BY ordinal_position`,
        );
        expect(columns.map((column) => column.column_name)).toEqual([
          'seq',
          'consent_id',
          'decided_at',
          'expires_at',
          'revision',
          'action',
          'choices',
          'gpc',
          'dnt',
          'language',
          'text_hash',
          'received_at',
          'prev_hash',
          'hash',
        ]);
        const [row] = await raw<Record<string, unknown>>(
          'SELECT row_to_json(r)::text AS text FROM consent_records r WHERE consent_id = $1::uuid',
          [record.id],
        );
        expect(String(row?.text)).not.toMatch(/203\.0\.113|Secret Browser|s3cr3t/);
      },
      SLOW,
    );
  });

  describe("when a row is changed or deleted behind the log's back", () => {
    it(
      'keeps rows from being changed or deleted while its trigger is on',
      async () => {
        await expect(raw('UPDATE consent_records SET action = $1 WHERE seq = 1', ['accept-all'])).rejects.toThrow(
          /append-only/,
        );
        await expect(raw('DELETE FROM consent_records WHERE seq = 1')).rejects.toThrow(/append-only/);
        expect(await log.verify()).toMatchObject({ ok: true });
      },
      SLOW,
    );

    it(
      'finds the first changed row, and then the row after a deleted one',
      async () => {
        for (let i = 0; i < 10; i++) expect((await log.handler(post(aRecord()))).status).toBe(201);
        const before = await log.verify();
        expect(before.ok).toBe(true);
        expect(before.head).toMatch(/^[0-9a-f]{64}$/);
        const [original] = await raw<{ action: string }>('SELECT action FROM consent_records WHERE seq = 7');
        // Whoever can disable the trigger can change a row; the chain still shows it.
        await raw('ALTER TABLE consent_records DISABLE TRIGGER consent_records_append_only');
        await raw('UPDATE consent_records SET action = $1 WHERE seq = 7', [
          original?.action === 'withdraw' ? 'custom' : 'withdraw',
        ]);
        expect(await log.verify()).toMatchObject({
          ok: false,
          firstBad: '7',
          reason: expect.stringMatching(/changed/),
        });
        // Put back as it was, the row has its hash again: verify checks content, not that a row was touched.
        await raw('UPDATE consent_records SET action = $1 WHERE seq = 7', [original?.action]);
        expect(await log.verify()).toMatchObject({ ok: true, head: before.head });
        await raw('DELETE FROM consent_records WHERE seq = 3');
        expect(await log.verify()).toMatchObject({
          ok: false,
          firstBad: '4',
          reason: expect.stringMatching(/missing/),
        });
      },
      SLOW,
    );
  });

  describe('when the log is closed and opened again', () => {
    it(
      'still holds every record, and applies its migrations once',
      async () => {
        const record = aRecord();
        expect((await log.handler(post(record))).status).toBe(201);
        const count = (await all(log)).length;
        await log.close();
        log = await target.open();
        expect(await log.find(record.id)).toHaveLength(1);
        expect((await all(log)).length).toBe(count);
        expect((await log.handler(post(record))).status).toBe(200);
        const versions = await raw<{ version: number }>('SELECT version FROM consent_log_migrations');
        expect(versions.map((row) => Number(row.version))).toEqual([1]);
      },
      SLOW,
    );
  });
});
