import { GENESIS, rowHash } from './chain';
import type { VerifyResult } from './consent-log-types';
import type { Queryable } from './driver';
import { BATCH, COLUMNS, type Row, toStored } from './record-store';

/**
 * Walks the chain in `seq` order, one batch at a time: each row must be numbered one after the row before,
 * chain to that row's hash, and have the hash of its own canonical form. The first row that does not is the
 * first place the log was changed behind the server's back (a row edited, or one before it deleted).
 */
export async function verifyChain(db: Queryable): Promise<VerifyResult> {
  let records = 0;
  let seq = 0;
  let prevHash = GENESIS;
  for (;;) {
    const rows = await db.query<Row>(
      `SELECT ${COLUMNS} FROM consent_records WHERE seq > $1 ORDER BY consent_records.seq LIMIT $2`,
      [seq, BATCH],
    );
    for (const row of rows) {
      records += 1;
      const stored = toStored(row);
      const { seq: at, receivedAt, hash, prevHash: chainedTo, ...rest } = stored;
      const bad = (reason: string): VerifyResult => ({ records, ok: false, firstBad: String(at), reason });
      if (at !== seq + 1) return bad(`row ${at} follows row ${seq}: ${at - seq - 1} row(s) before it are missing`);
      if (chainedTo !== prevHash) return bad(`row ${at} does not chain to the hash of the row before it`);
      if (rowHash({ seq: at, prevHash: chainedTo, receivedAt, record: rest }) !== hash) {
        return bad(`row ${at} does not have the hash of its content: it was changed`);
      }
      seq = at;
      prevHash = hash;
    }
    if (rows.length < BATCH) break;
  }
  return { records, ok: true, ...(records > 0 ? { head: prevHash } : {}) };
}
