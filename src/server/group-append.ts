import type { ConsentRecord } from '../core/consent-record';
import type { Driver } from './driver';
import { type Appended, appendRecords, type Incoming } from './record-store';

/** The most records appended in one transaction. */
const MOST_PER_TRANSACTION = 200;

/** Appends records one transaction at a time; what arrives meanwhile goes in the next transaction, together. */
export interface GroupAppend {
  append(record: ConsentRecord, receivedAt: string): Promise<Appended>;
  /** Resolves once every record given so far is stored (or has failed). */
  idle(): Promise<void>;
}

/**
 * Serialises this process's appends (PGlite has one connection; PostgreSQL's chain lock would make them
 * wait anyway) and commits the records that arrived while the last transaction ran in one transaction: a
 * busy shop's records cost one commit per batch, not one each. A failed transaction fails its batch only.
 */
export function groupAppend(driver: Driver): GroupAppend {
  const queue: { incoming: Incoming; resolve: (result: Appended) => void; reject: (error: unknown) => void }[] = [];
  let running: Promise<void> | null = null;

  async function drain() {
    while (queue.length > 0) {
      // PGlite computes on this thread and answers through promises alone: a transaction never lets the event
      // loop read the sockets. One turn of the loop first lets the requests that have arrived meanwhile queue
      // their records for this transaction, instead of one transaction each.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.splice(0, MOST_PER_TRANSACTION);
      try {
        const results = await driver.transaction((tx) =>
          appendRecords(
            tx,
            batch.map((item) => item.incoming),
          ),
        );
        for (const [index, item] of batch.entries()) item.resolve(results[index] as Appended);
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    running = null;
  }

  return {
    append: (record, receivedAt) =>
      new Promise<Appended>((resolve, reject) => {
        queue.push({ incoming: { record, receivedAt }, resolve, reject });
        running ??= drain();
      }),
    idle: () => running ?? Promise.resolve(),
  };
}
