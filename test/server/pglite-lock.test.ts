// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentLog } from '../../src/server/consent-log';
import { aRecord, post } from './records';

describe('the embedded database directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consent-log-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is one log at a time: a second one is refused while the first is open, and opens once it is closed', async () => {
    const dataDir = join(dir, 'one');
    const first = await createConsentLog({ policy: shopPolicy, dataDir });
    await expect(createConsentLog({ policy: shopPolicy, dataDir })).rejects.toThrow(
      new RegExp(`is open in process ${process.pid}`),
    );
    expect((await first.handler(post(aRecord()))).status).toBe(201);
    await first.close();
    const second = await createConsentLog({ policy: shopPolicy, dataDir });
    expect(await second.verify()).toMatchObject({ records: 1, ok: true });
    await second.close();
  }, 60_000);

  it('takes over the lock of a process that no longer runs', async () => {
    const dataDir = join(dir, 'stale');
    const first = await createConsentLog({ policy: shopPolicy, dataDir });
    await first.close();
    // A pid far above any the kernel hands out (pid_max is at most 2^22).
    await writeFile(join(dataDir, 'consent-log.lock'), '99999999');
    const log = await createConsentLog({ policy: shopPolicy, dataDir });
    expect(await log.verify()).toMatchObject({ ok: true });
    await log.close();
  }, 60_000);
});
