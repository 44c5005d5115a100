import { createHandler } from './consent-handler';
import type { ConsentLog, ConsentLogOptions, DayStats, StoredRecord, TimeRange } from './consent-log-types';
import { groupAppend } from './group-append';
import { migrate } from './migrations';
import { openDriver } from './open-driver';
import { createRateLimit, defaultClientKey } from './rate-limit';
import { dayStats } from './record-stats';
import { countRecords, findRecords, pageRecords } from './record-store';
import { timeBound } from './time-bound';
import { verifyChain } from './verify-chain';

const MINUTE = 60_000;

/**
 * The shop's consent log (proof of consent, GDPR Art. 7(1)): opens the database, brings its schema up to
 * date, and returns the handler that receives `createConsentLogger`'s posts and the functions that read the
 * log back. Records are checked against `policy`, stored once each, append-only, in a SHA-256 hash chain.
 *
 * ```ts
 * const log = await createConsentLog({ policy: shopPolicy }); // PGlite in ./.consent-log
 * app.post('/api/consent-log', (c) => log.handler(c.req.raw)); // Hono; Next.js: export const POST = log.handler
 * ```
 */
export async function createConsentLog(options: ConsentLogOptions): Promise<ConsentLog> {
  const { policy, schema } = options;
  if (!policy || !Array.isArray(policy.categoryNames)) {
    throw new TypeError('createConsentLog: `policy` must be the result of definePolicy().');
  }
  const now = options.now ?? Date.now;
  const driver = await openDriver(options);
  try {
    await migrate(driver, schema);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  const appender = groupAppend(driver);
  const rateLimit = options.rateLimit === false ? null : createRateLimit(options.rateLimit ?? {}, now);
  const clientKey = options.clientKey ?? defaultClientKey;
  // A shop's clientKey that throws or returns nothing counts the request with every other such request.
  const keyOf = (request: Request) => {
    try {
      const key = clientKey(request);
      return typeof key === 'string' && key !== '' ? key : 'shared';
    } catch {
      return 'shared';
    }
  };
  let closed = false;

  const handle = createHandler({
    policy,
    now,
    maxClockSkew: options.maxClockSkew ?? 5 * MINUTE,
    limit: rateLimit && ((request) => rateLimit(keyOf(request))),
    append: (record, receivedAt) => {
      if (closed) return Promise.reject(new Error('The consent log is closed.'));
      return appender.append(record, receivedAt);
    },
  });

  const range = ({ from, to }: TimeRange) => ({
    from: from === undefined ? '-infinity' : new Date(timeBound(from, false, 'from')).toISOString(),
    to: to === undefined ? 'infinity' : new Date(timeBound(to, true, 'to')).toISOString(),
  });

  return {
    handler: handle,
    find: (id: string): Promise<StoredRecord[]> => findRecords(driver, id),
    records(bounds: TimeRange = {}): AsyncIterable<StoredRecord> {
      const { from, to } = range(bounds);
      return { [Symbol.asyncIterator]: () => pageRecords(driver, from, to) };
    },
    count(bounds: TimeRange = {}): Promise<number> {
      const { from, to } = range(bounds);
      return countRecords(driver, from, to);
    },
    stats: ({ from, to }: Required<TimeRange>): Promise<DayStats[]> =>
      dayStats(driver, policy.categoryNames, timeBound(from, false, 'from'), timeBound(to, true, 'to')),
    verify: () => verifyChain(driver),
    async close() {
      if (closed) return;
      closed = true;
      await appender.idle();
      await driver.close();
    },
  };
}
