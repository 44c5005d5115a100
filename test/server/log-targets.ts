import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentLog } from '../../src/server/consent-log';
import type { ConsentLog, ConsentLogOptions } from '../../src/server/consent-log-types';
import type { DriverOptions } from '../../src/server/driver';

/**
 * Where a test keeps its log: the embedded PGlite (always) and a real PostgreSQL (when DATABASE_URL is
 * set, as .ci/run does). Each target is fresh: its own directory, or its own schema on the server.
 */
export interface LogTarget {
  readonly kind: 'pglite' | 'postgres';
  /** Opens the log on this target's storage; again after `close()`, on the same records. */
  open(options?: Partial<ConsentLogOptions>): Promise<ConsentLog>;
  /** Runs SQL behind the log's back, in the log's schema (PGlite: while the log is closed). */
  sql<R = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<R[]>;
  /** Where the log's database is, for opening it without the log (PGlite: while the log is closed). */
  readonly where: DriverOptions;
  dispose(): Promise<void>;
}

export const DATABASE_URL = process.env.DATABASE_URL;
export const KINDS: readonly LogTarget['kind'][] = DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function logTarget(kind: LogTarget['kind']): Promise<LogTarget> {
  return kind === 'pglite' ? pgliteTarget() : postgresTarget();
}

async function pgliteTarget(): Promise<LogTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-log-test-'));
  const dataDir = join(dir, 'db');
  return {
    kind: 'pglite',
    where: { dataDir },
    open: (options) => createConsentLog({ policy: shopPolicy, dataDir, rateLimit: false, ...options }),
    async sql<R>(statement: string, params: unknown[] = []) {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(dataDir);
      try {
        return (await db.query<R>(statement, params)).rows;
      } finally {
        await db.close();
      }
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<LogTarget> {
  const { default: pg } = await import('pg');
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  return {
    kind: 'postgres',
    where: { database: DATABASE_URL, schema },
    open: (options) =>
      createConsentLog({ policy: shopPolicy, database: DATABASE_URL, schema, rateLimit: false, ...options }),
    sql: async <R>(statement: string, params: unknown[] = []) => (await client.query(statement, params)).rows as R[],
    async dispose() {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
