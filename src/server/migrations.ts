import type { Driver } from './driver';
import { schemaIdentifier } from './driver';

/** One step of the schema. Applied once, in order, recorded in `consent_log_migrations`; never edited. */
interface Migration {
  readonly version: number;
  readonly name: string;
  /** One statement each: PGlite's parameterised query runs one at a time. */
  readonly statements: readonly string[];
}

/**
 * The schema. Nothing the visitor did not send is a column: no address, no user agent, no cookie. `seq` is
 * the row's place in the hash chain, given under the chain lock (a sequence would leave gaps on rollback).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'consent records, hash-chained and append-only',
    statements: [
      `CREATE TABLE consent_records (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        consent_id uuid NOT NULL,
        decided_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revision integer NOT NULL,
        action text NOT NULL,
        choices jsonb NOT NULL,
        gpc boolean NOT NULL,
        dnt boolean NOT NULL,
        language text,
        text_hash text,
        received_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (consent_id, decided_at)
      )`,
      'CREATE INDEX consent_records_decided_at ON consent_records (decided_at, seq)',
      // The log only inserts. A change has to disable this trigger first, and the chain still shows it.
      `CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent_records is append-only: proof of consent is never changed or deleted';
      END $$`,
      `CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
        FOR EACH ROW EXECUTE FUNCTION consent_records_append_only()`,
      `CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
        FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only()`,
    ],
  },
];

/** Advisory lock keys: taken for the length of a transaction, so that two servers never step on each other. */
export const MIGRATION_LOCK = 0x636f6e30; // 'con0'
export const CHAIN_LOCK = 0x636f6e31; // 'con1'

/** Brings the database to the latest schema; two servers starting at once apply each step once. */
export async function migrate(driver: Driver, schema?: string): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema !== undefined) await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schemaIdentifier(schema)}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS consent_log_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM consent_log_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    const newer = [...applied].find((version) => version > latest);
    if (newer !== undefined) {
      throw new Error(
        `The consent log's database has schema version ${newer}, newer than this react-consent-policy knows (${latest}): update the package.`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO consent_log_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
  });
}
