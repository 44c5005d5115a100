import type { Driver, Queryable } from './driver';
import { schemaIdentifier } from './driver';
import { optionalModule } from './optional-module';

/** A pool of connections to a PostgreSQL server (`pg`); each transaction takes one connection for its length. */
export async function openPostgres(connectionString: string, schema?: string): Promise<Driver> {
  const pg = await optionalModule('pg', () => import('pg'), 'PostgreSQL');
  // `pg` is CommonJS: its Pool is on the default export under ESM.
  const Pool = (pg as unknown as { default?: typeof pg }).default?.Pool ?? pg.Pool;
  const pool = new Pool({
    connectionString,
    max: 10,
    // Every connection of the pool looks in the log's schema.
    ...(schema === undefined ? {} : { options: `-c search_path=${schemaIdentifier(schema)}` }),
  });
  // An idle connection that the server drops must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  const wrap = (target: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> }): Queryable => ({
    query: async <R>(sql: string, params: readonly unknown[] = []) =>
      (await target.query(sql, [...params])).rows as R[],
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      // A connection whose transaction could not be rolled back is closed, never handed out again.
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
