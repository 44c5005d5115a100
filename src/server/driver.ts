/** What the log asks of a database: the same SQL runs on PGlite and on PostgreSQL. */
export interface Queryable {
  /** One statement, with `$1`, `$2`, … parameters (strings, numbers, booleans or null); resolves to its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** A database connection (PGlite) or pool (PostgreSQL). */
export interface Driver extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the log is kept: a PostgreSQL server, or an embedded PostgreSQL in a directory. */
export interface DriverOptions {
  readonly database?: string;
  readonly dataDir?: string;
  readonly schema?: string;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema as an SQL identifier; only plain lower-case names, so that quoting is all it takes. */
export function schemaIdentifier(schema: string): string {
  if (!SCHEMA.test(schema)) {
    throw new TypeError(`createConsentLog: schema "${schema}" must be lower-case letters, digits and _ (63 at most).`);
  }
  return `"${schema}"`;
}
