import type { ConsentAction, ConsentRecord } from '../core/consent-record';
import { canonicalJson } from './canonical-json';
import { GENESIS, rowHash } from './chain';
import type { StoredRecord } from './consent-log-types';
import type { Queryable } from './driver';
import { CHAIN_LOCK } from './migrations';

// The SQL of the log, the same for PGlite and PostgreSQL. Times are read back as the text `toISOString`
// writes and JSON as text, so that both drivers return the same values whatever their type parsers do.

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

/**
 * The columns of a stored record, as `toStored` reads them. Their names hide the table's in ORDER BY: order by
 * `consent_records.seq`, never by the bare name (which would sort the text).
 */
export const COLUMNS = `seq::text AS seq, consent_id::text AS id, ${iso('decided_at')} AS decided_at,
  ${iso('expires_at')} AS expires_at, revision, action, choices::text AS choices, gpc, dnt, language, text_hash,
  ${iso('received_at')} AS received_at, prev_hash, hash`;

/** A row as selected with COLUMNS. */
export interface Row {
  seq: string;
  id: string;
  decided_at: string;
  expires_at: string;
  revision: number;
  action: string;
  choices: string;
  gpc: boolean;
  dnt: boolean;
  language: string | null;
  text_hash: string | null;
  received_at: string;
  prev_hash: string;
  hash: string;
}

/** The record a row holds, as the browser sent it (the fields it did not send left out). */
function recordOf(row: Row): ConsentRecord {
  return {
    id: row.id,
    revision: Number(row.revision),
    choices: JSON.parse(row.choices) as Record<string, boolean>,
    decidedAt: row.decided_at,
    expiresAt: row.expires_at,
    action: row.action as ConsentAction,
    signals: { gpc: row.gpc, dnt: row.dnt },
    ...(row.language === null ? {} : { language: row.language }),
    ...(row.text_hash === null ? {} : { textHash: row.text_hash }),
  };
}

/** A row as the API returns it. */
export function toStored(row: Row): StoredRecord {
  return {
    ...recordOf(row),
    seq: Number(row.seq),
    receivedAt: row.received_at,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/** What became of a record given to `appendRecords`. */
export type Appended = 'new' | 'repeat' | 'conflict';

/** A record to append, with the time it was received. */
export interface Incoming {
  readonly record: ConsentRecord;
  readonly receivedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const keyOf = (record: Pick<ConsentRecord, 'id' | 'decidedAt'>) => `${record.id}@${record.decidedAt}`;

/**
 * Appends records to the chain in one transaction (call it inside `driver.transaction`). The chain lock
 * makes every server's appends take turns, so no two rows chain to the same one. A record already stored
 * (the same consent id and decision time) is a repeat when it is the same record, a conflict when not: it
 * is never stored twice, never overwritten.
 */
export async function appendRecords(tx: Queryable, incoming: readonly Incoming[]): Promise<Appended[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const ids = JSON.stringify([...new Set(incoming.map(({ record }) => record.id))]);
  const existing = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM consent_records
      WHERE consent_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
    [ids],
  );
  const stored = new Map(existing.map((row) => [keyOf({ id: row.id, decidedAt: row.decided_at }), recordOf(row)]));
  const [head] = await tx.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM consent_records ORDER BY consent_records.seq DESC LIMIT 1',
  );
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head ? head.hash : GENESIS;
  const rows: Record<string, unknown>[] = [];
  const results = incoming.map(({ record, receivedAt }): Appended => {
    const key = keyOf(record);
    const there = stored.get(key);
    if (there) return canonicalJson(there) === canonicalJson(record) ? 'repeat' : 'conflict';
    stored.set(key, record);
    seq += 1;
    const hash = rowHash({ seq, prevHash, receivedAt, record });
    rows.push({
      seq,
      consent_id: record.id,
      decided_at: record.decidedAt,
      expires_at: record.expiresAt,
      revision: record.revision,
      action: record.action,
      choices: record.choices,
      gpc: record.signals.gpc,
      dnt: record.signals.dnt,
      language: record.language ?? null,
      text_hash: record.textHash ?? null,
      received_at: receivedAt,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
    return 'new';
  });
  if (rows.length > 0) {
    // One statement for the batch, its rows as one JSON parameter: the same on both drivers.
    await tx.query(
      `INSERT INTO consent_records (seq, consent_id, decided_at, expires_at, revision, action, choices, gpc, dnt,
        language, text_hash, received_at, prev_hash, hash)
      SELECT seq, consent_id, decided_at, expires_at, revision, action, choices, gpc, dnt,
        language, text_hash, received_at, prev_hash, hash
      FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, consent_id uuid, decided_at timestamptz,
        expires_at timestamptz, revision integer, action text, choices jsonb, gpc boolean, dnt boolean,
        language text, text_hash text, received_at timestamptz, prev_hash text, hash text)`,
      [JSON.stringify(rows)],
    );
  }
  return results;
}

/** Every decision of one consent id, in decision order. */
export async function findRecords(db: Queryable, id: string): Promise<StoredRecord[]> {
  // Not a UUID: no record has it (and the database would refuse the cast).
  if (!UUID.test(id)) return [];
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM consent_records WHERE consent_id = $1::uuid ORDER BY consent_records.decided_at, consent_records.seq`,
    [id.toLowerCase()],
  );
  return rows.map(toStored);
}

/** How many rows one query reads: memory holds one batch at a time, whatever the size of the log. */
export const BATCH = 1000;

/**
 * The records decided in [from, to), in decision order, one batch at a time: each batch starts after the
 * last row of the one before (keyset pagination on the index (decided_at, seq)), so no batch rereads rows.
 * The rows are chosen in an inner query and formatted in the outer one: whatever plan the database picks,
 * only the batch's rows are formatted.
 */
export async function* pageRecords(
  db: Queryable,
  from: string,
  to: string,
  batch = BATCH,
): AsyncGenerator<StoredRecord> {
  // Every seq is at least 1: (from, 0) comes before the first row decided at `from`.
  let after = { at: from, seq: '0' };
  for (;;) {
    const rows = await db.query<Row & { cursor_at: string }>(
      `SELECT ${COLUMNS}, to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
        FROM (SELECT * FROM consent_records
          WHERE (decided_at, seq) > ($1::timestamptz, $2::bigint) AND decided_at < $3::timestamptz
          ORDER BY decided_at, seq LIMIT $4) AS consent_records
        ORDER BY consent_records.decided_at, consent_records.seq`,
      [after.at, after.seq, to, batch],
    );
    for (const row of rows) yield toStored(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return;
    after = { at: last.cursor_at, seq: last.seq };
  }
}

/** How many records were decided in [from, to). */
export async function countRecords(db: Queryable, from: string, to: string): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM consent_records WHERE decided_at >= $1::timestamptz AND decided_at < $2::timestamptz',
    [from, to],
  );
  return Number(row?.n ?? 0);
}
