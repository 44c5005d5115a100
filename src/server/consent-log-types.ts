import type { ConsentAction, ConsentRecord } from '../core/consent-record';
import type { Policy } from '../core/policy';

/** One decision as the log keeps it: the record the browser sent, its place in the chain, and when it came. */
export interface StoredRecord extends ConsentRecord {
  /** The row's place in the log's chain: 1, 2, 3, … in the order records arrived. */
  readonly seq: number;
  /** When the log received it (ISO 8601, the server's clock). */
  readonly receivedAt: string;
  /** SHA-256 of the row's canonical JSON (`docs/consent-log.md`). */
  readonly hash: string;
  /** The hash of the row before it; 64 zeros for the first row. */
  readonly prevHash: string;
}

/** The decisions of one UTC day. */
export interface DayStats {
  /** The UTC day, 'YYYY-MM-DD'. */
  readonly day: string;
  /** Every decision of the day. */
  readonly decisions: number;
  /** Decisions by action. */
  readonly actions: Readonly<Record<ConsentAction, number>>;
  /** Per category of the policy (and any other a stored record holds): how many decisions granted it. */
  readonly grants: Readonly<Record<string, number>>;
}

/** What `verify()` found. */
export interface VerifyResult {
  /** Rows read. */
  readonly records: number;
  /** Every row has its hash and chains to the row before it. */
  readonly ok: boolean;
  /** The sequence number of the first row that does not, when one does not. */
  readonly firstBad?: string;
  /** Why that row is bad, in a sentence. */
  readonly reason?: string;
  /**
   * The last row's hash. The chain finds a row changed or deleted before the last one; keep this value
   * somewhere else (a ticket, a mail, a signed note) and the rows up to it cannot be rewritten unseen either.
   */
  readonly head?: string;
}

/** A span of time: a Date, an ISO 8601 time, or a date alone ('2026-12-01') for the whole UTC day. */
export type TimeBound = Date | string;

/** Which records: `from` inclusive, `to` exclusive, by decision time. A date alone as `to` includes that day. */
export interface TimeRange {
  readonly from?: TimeBound;
  readonly to?: TimeBound;
}

/** Rate limit of posted records per client, as a token bucket. */
export interface RateLimitOptions {
  /** Records a client may post per minute, on average. Default 60. */
  readonly perMinute?: number;
  /** Records a client may post at once, after a quiet while. Default: `perMinute`. */
  readonly burst?: number;
  /** The most clients counted at once; past it the least recently seen is forgotten. Default 10,000. */
  readonly maxClients?: number;
}

/** Options of `createConsentLog`. */
export interface ConsentLogOptions {
  /** The shop's policy (`definePolicy`): every record is checked against it. */
  readonly policy: Policy;
  /**
   * A PostgreSQL connection string ('postgres://user:pass@host:5432/db', needs `npm install pg`). Without it,
   * an embedded PostgreSQL (PGlite, needs `npm install @electric-sql/pglite`) in `dataDir`.
   */
  readonly database?: string;
  /** The embedded database's directory. Default './.consent-log'; 'memory://' keeps it in memory only. */
  readonly dataDir?: string;
  /** The PostgreSQL schema of the log's tables, created when missing. Default: the connection's (`public`). */
  readonly schema?: string;
  /**
   * Who a request comes from, for the rate limit only (never stored or logged). Default: the first address
   * of `X-Forwarded-For`, else `X-Real-IP`, else one key shared by every request.
   */
  readonly clientKey?: (request: Request) => string;
  /** The rate limit, or false for none (a log behind a proxy that limits already). */
  readonly rateLimit?: RateLimitOptions | false;
  /** How far in the future a decision time may be (the visitor's clock runs ahead). Default 5 minutes. */
  readonly maxClockSkew?: number;
  /** The clock, in ms since the epoch. Default Date.now. */
  readonly now?: () => number;
}

/** The consent log: receives the records `createConsentLogger` posts, keeps them, and reads them back. */
export interface ConsentLog {
  /** Answers one request of the logger (Fetch API): mount it at the logger's endpoint. Never rejects. */
  handler(request: Request): Promise<Response>;
  /** Every decision of one consent id, in decision order. */
  find(id: string): Promise<StoredRecord[]>;
  /** The records decided in the range, in decision order, read in batches (memory stays bounded). */
  records(range?: TimeRange): AsyncIterable<StoredRecord>;
  /** How many records were decided in the range. */
  count(range?: TimeRange): Promise<number>;
  /** Per UTC day of the range (each day, with or without decisions): decisions by action, grants per category. */
  stats(range: Required<TimeRange>): Promise<DayStats[]>;
  /** Walks the chain: finds a row changed or deleted behind the log's back. */
  verify(): Promise<VerifyResult>;
  /** Waits for the records being stored, then closes the database. */
  close(): Promise<void>;
}
