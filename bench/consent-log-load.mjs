#!/usr/bin/env node
// Load test of the consent log (react-consent-policy/server): N concurrent senders post decision records over
// real HTTP (node:http and the log's Fetch handler, as `consent-log serve` runs it) to a log on the embedded
// PGlite and, when DATABASE_URL is set, on PostgreSQL. Prints records per second and checks that every record
// is stored exactly once (one in ten is posted twice, as a logger retrying after a lost answer) and that the
// hash chain is intact. Measures the built package: run `npm run build` first.
//
//   node bench/consent-log-load.mjs                         # 50 senders, 5,000 records, PGlite
//   DATABASE_URL=postgres://… node bench/consent-log-load.mjs --senders 100 --records 20000
//
// The senders run in a worker thread, the server (and PGlite) on the main thread: on a 2-core machine each has
// a core, and the figures are what one server process takes with the machine's other core sending.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

// In the worker: the senders. Each posts its share one record after another; the records are shared out as
// they are sent, so a slow answer holds up one sender, not the others' work.
if (!isMainThread) {
  const { url, bodies, senders } = workerData;
  const statuses = {};
  let next = 0;
  const send = async (body) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < bodies.length) {
        const index = next++;
        await send(bodies[index]);
        // One in ten again, as a logger whose answer was lost: it must be stored once.
        if (index % 10 === 0) await send(bodies[index]);
      }
    }),
  );
  parentPort.postMessage({ statuses, seconds: (performance.now() - started) / 1000 });
  process.exit(0);
}

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('server.js', dist))) {
  console.error('bench/consent-log-load.mjs measures the built package: run `npm run build` first.');
  process.exit(2);
}
const { definePolicy } = await import(new URL('core.js', dist).href);
const { createConsentLog, nodeListener } = await import(new URL('server.js', dist).href);

const { values } = parseArgs({
  options: { senders: { type: 'string', default: '50' }, records: { type: 'string', default: '5000' } },
});
const SENDERS = Number(values.senders);
const RECORDS = Number(values.records);

// The demo shop's categories (examples/shop-policy.ts).
const policy = definePolicy({
  revision: 1,
  categories: {
    necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
    personalization: { lifetime: { min: '15min', max: '26mo' } },
    analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
    marketing: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  },
});

const ACTIONS = ['accept-all', 'reject-all', 'custom', 'withdraw'];
function record(index) {
  const decided = Date.now() - 1000;
  const all = index % 3 === 0;
  return {
    id: randomUUID(),
    revision: 1,
    choices: { necessary: true, personalization: all, analytics: all || index % 2 === 0, marketing: all },
    decidedAt: new Date(decided).toISOString(),
    expiresAt: new Date(decided + policy.consentMaxAge).toISOString(),
    action: ACTIONS[index % 4],
    signals: { gpc: false, dnt: index % 7 === 0 },
    language: index % 2 ? 'fi' : 'en',
    textHash: 'c0ffee'.padEnd(64, '0'),
  };
}

async function measure(name, options) {
  // The rate limit is off: every sender comes from 127.0.0.1, and what is measured is the store.
  const log = await createConsentLog({ policy, rateLimit: false, ...options });
  const server = createServer(nodeListener(log.handler));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/consent-log`;
  const records = Array.from({ length: RECORDS }, (_, index) => record(index));
  const bodies = records.map((sent) => JSON.stringify(sent));
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, bodies, senders: SENDERS } });
  const { statuses, seconds } = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  server.close();

  const seen = new Map();
  for await (const stored of log.records()) {
    const key = `${stored.id}@${stored.decidedAt}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const missing = records.filter((sent) => seen.get(`${sent.id}@${sent.decidedAt}`) !== 1).length;
  const verified = await log.verify();
  await log.close();
  const ok = missing === 0 && seen.size === RECORDS && verified.ok && verified.records === RECORDS;
  return {
    name,
    senders: SENDERS,
    records: RECORDS,
    seconds: seconds.toFixed(1),
    perSecond: Math.round(RECORDS / seconds),
    statuses: Object.entries(statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', '),
    'stored once, chain intact': ok ? 'yes' : `NO (${missing} missing or doubled, verify ${JSON.stringify(verified)})`,
  };
}

const rows = [];
const dir = await mkdtemp(join(tmpdir(), 'consent-log-load-'));
try {
  rows.push(await measure('PGlite (embedded, a directory)', { dataDir: join(dir, 'db') }));
  if (process.env.DATABASE_URL) {
    const schema = `load_${randomUUID().replaceAll('-', '')}`;
    rows.push(await measure('PostgreSQL', { database: process.env.DATABASE_URL, schema }));
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.table(rows);
if (rows.some((row) => row['stored once, chain intact'] !== 'yes')) process.exit(1);
