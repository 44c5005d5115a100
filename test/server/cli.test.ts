// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { run } from '../../src/cli/consent-log-command';
import { createConsentLog } from '../../src/server/consent-log';
import type { StoredRecord } from '../../src/server/consent-log-types';
import { aRecord, post } from './records';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const POLICY = fixture('shop-policy.ts');

/** Starts the command with captured output: what it has written so far, and its exit code when done. */
function start(args: string[], stopped?: Promise<void>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const output = { out: '', err: '' };
  stdout.on('data', (chunk) => {
    output.out += chunk;
  });
  stderr.on('data', (chunk) => {
    output.err += chunk;
  });
  const done = run(args, { stdout, stderr, ...(stopped ? { stopped } : {}) }).then((code) => ({ code, ...output }));
  return { output, done };
}

/** Runs the command to its end. */
const cli = (args: string[]) => start(args).done;

describe('react-consent-policy consent-log', () => {
  let dir: string;
  let dataDir: string;
  // Decided on one fixed day, so that the day's counts are known.
  const at = (time: string) => ({ decidedAt: time, expiresAt: new Date(Date.parse(time) + 86_400_000).toISOString() });
  const records = [
    aRecord({
      action: 'accept-all',
      choices: { necessary: true, personalization: true, analytics: true, marketing: true },
      ...at('2026-03-01T10:00:00.000Z'),
    }),
    aRecord({
      action: 'reject-all',
      choices: { necessary: true, personalization: false, analytics: false, marketing: false },
      ...at('2026-03-01T11:00:00.000Z'),
    }),
    aRecord({ language: undefined, textHash: undefined, ...at('2026-03-01T12:00:00.000Z') }),
  ];
  const base = () => ['--policy', POLICY, '--data-dir', dataDir];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consent-log-cli-'));
    dataDir = join(dir, 'db');
    const log = await createConsentLog({ policy: shopPolicy, dataDir });
    for (const record of records) expect((await log.handler(post(record))).status).toBe(201);
    await log.close();
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exports CSV: a header, one quoted line per record, in decision order', async () => {
    const { code, out, err } = await cli(['export', ...base()]);
    expect(code).toBe(0);
    expect(err).toMatch(/Exported 3 record/);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe(
      'seq,id,decidedAt,expiresAt,revision,action,language,textHash,gpc,dnt,necessary,personalization,analytics,marketing,choices,receivedAt,hash,prevHash',
    );
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[1]).toContain(`,${records[0]?.id},${records[0]?.decidedAt},`);
    expect(lines[1]).toContain(
      ',accept-all,fi,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,false,false,true,true,true,true,"{""analytics"":true,""marketing"":true,""necessary"":true,""personalization"":true}",',
    );
    // A record without language or text hash leaves those cells empty.
    expect(lines[3]).toContain(',custom,,,false,false,');
  }, 60_000);

  it('exports JSON to a file, the same records the log reads', async () => {
    const out = join(dir, 'export.json');
    const { code } = await cli(['export', ...base(), '--format', 'json', '--out', out]);
    expect(code).toBe(0);
    const exported = JSON.parse(await readFile(out, 'utf8')) as StoredRecord[];
    expect(exported.map((record) => [record.id, record.action, record.seq])).toEqual(
      records.map((record, index) => [record.id, record.action, index + 1]),
    );
  }, 60_000);

  it('exports only the records of --from..--to', async () => {
    const { code, out } = await cli(['export', ...base(), '--format', 'json', '--to', '2000-01-01']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  }, 60_000);

  it('finds the decisions of one consent id', async () => {
    const { code, out } = await cli(['find', records[1]!.id, ...base()]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as StoredRecord[]).map((record) => record.action)).toEqual(['reject-all']);
  }, 60_000);

  it('counts a day', async () => {
    const { code, out } = await cli(['stats', ...base(), '--from', '2026-03-01', '--to', '2026-03-01']);
    expect(code).toBe(0);
    expect(out).toBe(
      'day,decisions,accept-all,reject-all,custom,withdraw,granted:necessary,granted:personalization,granted:analytics,granted:marketing\r\n' +
        '2026-03-01,3,1,1,1,0,3,1,2,1\r\n',
    );
  }, 60_000);

  it('loads a compiled .mjs policy as well', async () => {
    const compiled = join(dir, 'policy.mjs');
    await build({
      entryPoints: [POLICY],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: compiled,
      logLevel: 'silent',
    });
    const { code, out } = await cli(['verify', '--policy', compiled, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(out).toMatch(/^3 record\(s\), the chain is intact\. Head: [0-9a-f]{64}/);
  }, 60_000);

  it('exits 2 with the usage on a mistake', async () => {
    for (const args of [
      ['export', '--data-dir', dataDir],
      ['purge', ...base()],
      ['export', ...base(), '--format', 'xml'],
      ['export', ...base(), '--colour'],
      ['export', '--policy', fixture('missing.ts')],
      ['export', '--policy', fixture('no-policy.mjs'), '--data-dir', dataDir],
      ['stats', ...base(), '--from', '2026-01-01'],
      ['export', ...base(), '--from', 'yesterday'],
    ]) {
      const { code, err } = await cli(args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(err.length).toBeGreaterThan(10);
    }
  }, 60_000);

  it('serves the log over HTTP until stopped', async () => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const serving = start(['serve', ...base(), '--port', '0'], stopped);
    // The address is printed once the server listens.
    let port = 0;
    for (let i = 0; i < 400 && port === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      port = Number(/127\.0\.0\.1:(\d+)/.exec(serving.output.err)?.[1] ?? 0);
    }
    expect(port).toBeGreaterThan(0);
    const record = aRecord();
    const response = await fetch(`http://127.0.0.1:${port}/api/consent-log`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
    expect(response.status).toBe(201);
    stop();
    expect((await serving.done).code).toBe(0);
    const { out } = await cli(['find', record.id, ...base()]);
    expect(JSON.parse(out)).toHaveLength(1);
  }, 60_000);

  it('finds a changed row: verify exits 1', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(dataDir);
    await db.query('ALTER TABLE consent_records DISABLE TRIGGER consent_records_append_only');
    await db.query(`UPDATE consent_records SET action = 'accept-all' WHERE seq = 2`);
    await db.close();
    const { code, out } = await cli(['verify', ...base()]);
    expect(code).toBe(1);
    expect(out).toMatch(/broken at row 2: .*changed/);
  }, 60_000);
});
