import { createHash } from 'node:crypto';
import type { ConsentRecord } from '../core/consent-record';
import { canonicalJson } from './canonical-json';

/** What the first row chains to: no row before it. */
export const GENESIS = '0'.repeat(64);

/** What a row's hash covers: its place in the chain, the hash of the row before it, when it came, the record. */
export interface ChainedRow {
  readonly seq: number;
  readonly prevHash: string;
  readonly receivedAt: string;
  readonly record: ConsentRecord;
}

/**
 * SHA-256 (hex) of the row's canonical JSON: `{"prevHash":…,"receivedAt":…,"record":{…},"seq":…}`. A row
 * changed afterwards no longer has its hash; a row deleted leaves the next one chained to a hash no row has.
 */
export function rowHash(row: ChainedRow): string {
  const { seq, prevHash, receivedAt, record } = row;
  return createHash('sha256').update(canonicalJson({ seq, prevHash, receivedAt, record })).digest('hex');
}
