import type { ConsentRecord } from './consent-record';
import { DAY } from './time';
import { webStorage } from './web-storage';

export interface ConsentLoggerOptions {
  /** Where records are posted as JSON (your consent log). */
  endpoint: string;
  /**
   * The localStorage key of the queue of records not yet delivered. Default 'consent_log_queue'.
   * Declare it in the policy as a necessary localStorage item (the proof of consent is the shop's legal
   * obligation), for example `{ name: 'consent_log_queue', kind: 'localStorage', lifetime: '30d' }`.
   */
  storageKey?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** The clock, in milliseconds since the epoch. Default: Date.now. */
  now?: () => number;
  /**
   * The wait before the second retry; it doubles with each further failure, up to a day. A record that
   * failed once is retried on the next page load. Default 60 s.
   */
  retryDelay?: number;
  /** After this many failed attempts a record is dropped. Default 12. */
  maxAttempts?: number;
  /** The most records kept; the oldest are dropped first. Default 50. */
  maxQueue?: number;
}

/** Use it as `onDecision`. Posting happens in the background; the call returns at once. */
export interface ConsentLogger {
  (record: ConsentRecord): void;
  /** Sends the queued records that are due; resolves when every attempt has settled. Never rejects. */
  flush(): Promise<void>;
  /** How many records wait to be delivered. */
  pending(): number;
}

interface QueuedRecord {
  record: ConsentRecord;
  attempts: number;
  /** Not sent before this time (ms since the epoch). */
  next: number;
}

/** A record being sent is not sent by another tab for this long. */
const LEASE = 60_000;

/** Exactly the fields of a consent record: nothing else a caller may have attached ever leaves the browser. */
function recordOnly(record: ConsentRecord): ConsentRecord {
  const { id, revision, choices, decidedAt, expiresAt, action, signals, language, textHash } = record;
  return {
    id,
    revision,
    choices: { ...choices },
    decidedAt,
    expiresAt,
    action,
    signals: { gpc: signals.gpc, dnt: signals.dnt },
    ...(language === undefined ? {} : { language }),
    ...(textHash === undefined ? {} : { textHash }),
  };
}

/** Which decision a queued record is: the id is kept across a visitor's changes, so with its decision time. */
const entryKey = (record: ConsentRecord) => `${record.id}@${record.decidedAt}`;

/**
 * Proof of consent (GDPR Art. 7(1)): posts each decision record as JSON to `endpoint` with
 * `fetch(..., { keepalive: true })`, so a record survives the page being left right after the click.
 * Records not delivered wait in a small localStorage queue and are retried on later page loads, with
 * a growing delay. Never blocks and never throws; sends no cookies, no referrer, nothing but the record.
 * A record may arrive twice when a response is lost: the record's id and decidedAt identify it.
 *
 * ```tsx
 * const logConsent = createConsentLogger({ endpoint: '/api/consent-log' });
 * <ConsentProvider policy={policy} onDecision={logConsent}>
 * ```
 */
export function createConsentLogger(options: ConsentLoggerOptions): ConsentLogger {
  const storageKey = options.storageKey ?? 'consent_log_queue';
  const now = options.now ?? Date.now;
  const retryDelay = options.retryDelay ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const maxQueue = options.maxQueue ?? 50;
  const inFlight = new Set<string>();
  let memory: QueuedRecord[] = [];

  function load(): QueuedRecord[] {
    try {
      const area = webStorage('localStorage');
      if (!area) return memory;
      const raw = area.getItem(storageKey);
      if (raw === null) return [];
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed)
        ? parsed.filter((entry): entry is QueuedRecord => typeof entry?.record?.id === 'string')
        : [];
    } catch {
      return memory;
    }
  }

  function save(queue: QueuedRecord[]) {
    memory = queue.slice(-maxQueue);
    try {
      const area = webStorage('localStorage');
      if (memory.length === 0) area?.removeItem(storageKey);
      else area?.setItem(storageKey, JSON.stringify(memory));
    } catch {
      // Storage full or blocked: the queue lives in memory for this page.
    }
  }

  /** Applies a change to the stored queue entry of one record (read fresh: another tab may have changed it). */
  function change(key: string, apply: (entry: QueuedRecord) => QueuedRecord | null) {
    save(load().flatMap((entry) => (entryKey(entry.record) === key ? (apply(entry) ?? []) : [entry])));
  }

  async function send(entry: QueuedRecord): Promise<void> {
    const key = entryKey(entry.record);
    inFlight.add(key);
    change(key, (stored) => ({ ...stored, next: now() + LEASE }));
    let delivered = false;
    try {
      const post = options.fetch ?? globalThis.fetch;
      const response = await post(options.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(entry.record),
        keepalive: true,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      delivered = response.ok;
    } catch {
      // Offline, blocked or the server is down: retried later.
    }
    inFlight.delete(key);
    change(key, (stored) => {
      if (delivered) return null;
      const attempts = stored.attempts + 1;
      if (attempts >= maxAttempts) return null;
      // The first failure is retried on the next page load; later ones wait longer and longer.
      const wait = attempts === 1 ? 0 : Math.min(retryDelay * 2 ** (attempts - 2), DAY);
      return { ...stored, attempts, next: now() + wait };
    });
  }

  function flush(): Promise<void> {
    const at = now();
    const due = load().filter((entry) => entry.next <= at && !inFlight.has(entryKey(entry.record)));
    return Promise.all(due.map(send)).then(() => undefined);
  }

  // Set once this page has flushed by itself (a decision): the start-up retry is then already done.
  let flushed = false;
  const logger = ((record: ConsentRecord) => {
    flushed = true;
    try {
      const entry: QueuedRecord = { record: recordOnly(record), attempts: 0, next: 0 };
      save([...load().filter((queued) => entryKey(queued.record) !== entryKey(entry.record)), entry]);
      void flush();
    } catch {
      // A consent log must never break the decision it records.
    }
  }) as ConsentLogger;
  logger.flush = flush;
  logger.pending = () => load().length;

  // Records left from earlier pages are retried once this page has had its turn.
  if (typeof window !== 'undefined') setTimeout(() => flushed || void flush(), 0);
  return logger;
}
