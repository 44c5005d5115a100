import { mkdir } from 'node:fs/promises';
import { lockDirectory } from './dir-lock';
import type { Driver, Queryable } from './driver';
import { schemaIdentifier } from './driver';
import { optionalModule } from './optional-module';

interface PgliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  transaction<T>(
    work: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded PostgreSQL (PGlite) in a directory, created when missing; 'memory://' keeps it in memory.
 * One connection in one process: transactions run one after another, and the directory is locked against
 * other processes.
 */
export async function openPglite(dataDir: string, schema?: string): Promise<Driver> {
  const { PGlite } = await optionalModule(
    '@electric-sql/pglite',
    () => import('@electric-sql/pglite'),
    'its embedded database (or pass `database: "postgres://…"` and install pg)',
  );
  let unlock = async () => {};
  if (!dataDir.includes('://')) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDirectory(dataDir);
  }
  let db: PgliteLike;
  try {
    db = (await PGlite.create(dataDir)) as unknown as PgliteLike;
    if (schema !== undefined) await db.query(`SET search_path TO ${schemaIdentifier(schema)}`);
  } catch (error) {
    await unlock();
    throw error;
  }
  const wrap = (target: Pick<PgliteLike, 'query'>): Queryable => ({
    query: async <R>(sql: string, params: readonly unknown[] = []) => (await target.query<R>(sql, [...params])).rows,
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}
