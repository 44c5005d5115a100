// @vitest-environment node
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentLog } from '../../src/server/consent-log-types';
import { migrate } from '../../src/server/migrations';
import { openDriver } from '../../src/server/open-driver';
import { appendRecords } from '../../src/server/record-store';
import { KINDS, type LogTarget, logTarget } from './log-targets';
import { aRecord } from './records';

const COUNT = 100_000;
const MiB = 1024 * 1024;

// A full collection before each measurement, so that the heap measured is what is still held, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe.each(KINDS)('an export of 100,000 records on %s', (kind) => {
  let target: LogTarget;
  let log: ConsentLog;

  beforeAll(async () => {
    target = await logTarget(kind);
    // Stored the way the log stores them (the chain computed), 1,000 to a transaction, without HTTP.
    const driver = await openDriver(target.where);
    await migrate(driver, target.where.schema);
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    for (let batch = 0; batch < COUNT / 1000; batch++) {
      const incoming = Array.from({ length: 1000 }, (_, index) => {
        const decided = start + (batch * 1000 + index) * 1000;
        const record = aRecord({
          decidedAt: new Date(decided).toISOString(),
          expiresAt: new Date(decided + 86_400_000).toISOString(),
        });
        return { record, receivedAt: record.decidedAt };
      });
      await driver.transaction((tx) => appendRecords(tx, incoming));
    }
    await driver.close();
    log = await target.open();
  }, 240_000);
  afterAll(async () => {
    await log?.close();
    await target?.dispose();
  });

  it('streams every record in decision order while the heap stays within 24 MiB of where it started', async () => {
    const before = heap();
    let most = 0;
    let count = 0;
    let last = '';
    let ordered = true;
    const started = performance.now();
    for await (const record of log.records()) {
      ordered &&= record.decidedAt >= last;
      last = record.decidedAt;
      count += 1;
      if (count % 10_000 === 0) most = Math.max(most, heap() - before);
    }
    console.log(`${kind}: exported ${count} records in ${Math.round(performance.now() - started)} ms`);
    expect(count).toBe(COUNT);
    expect(ordered).toBe(true);
    // The whole export held at once is over 100 MiB; one batch of 1,000 records is about 1 MiB.
    expect(most).toBeLessThan(24 * MiB);
  }, 120_000);

  it('finds the chain of the 100,000 rows intact', async () => {
    expect(await log.verify()).toMatchObject({ records: COUNT, ok: true });
  }, 120_000);
});
