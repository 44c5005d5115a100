import type { ConsentAction, ConsentRecord } from './consent-record';
import { CONSENT_ACTIONS, CONSENT_ID, isoTime, isPlainObject, LANGUAGE_TAG, TEXT_HASH } from './record-fields';
import { decodeStoredValue, encodeStoredValue } from './storage-envelope';
import { DAY } from './time';
import { warn } from './warn';
import { webStorage } from './web-storage';

export interface ConsentLoggerOptions {
  /** Where records are posted as JSON (your consent log). */
  endpoint: string;
  /**
   * The localStorage key of the queue of records not yet delivered. Default 'consent_log_queue'.
   * Declare it in the policy as a necessary localStorage item (the proof of consent is the shop's legal
   * obligation) with a lifetime of 30 days, for example
   * `{ name: 'consent_log_queue', kind: 'localStorage', lifetime: '30d' }`: a record waits at most 30 days.
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
  /** The most records kept, and so posted in one flush; the oldest are dropped first. Default 50. */
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

/** What the storage item holds: the records waiting, and the keys of records delivered or given up. */
interface StoredQueue {
  queue: QueuedRecord[];
  done: string[];
}

/** A record being sent is not sent by another tab for this long. */
const LEASE = 60_000;
/** The longest wait between two attempts. */
const LONGEST_WAIT = DAY;
/**
 * How long a record waits in the queue at most: the lifetime the queue's storage item is declared with.
 * A record older than that is dropped, never posted (a stored item never outlives its declared lifetime).
 */
const LIFETIME = 30 * DAY;

// The fields of a consent record as the store writes them. Anything else read from storage is not a record
// of ours (an older bug, another script, an attacker) and is never posted.
/** The category names definePolicy accepts. */
const CATEGORY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
/** Far more categories than a policy has: the bound keeps a stored record small. */
const MAX_CATEGORIES = 64;

/**
 * The consent record in `value`, rebuilt field by field, or null when it is not one. Nothing but a record's
 * own fields, each of its own type and bounded size, ever leaves the browser, whatever storage held.
 */
function toRecord(value: unknown): ConsentRecord | null {
  if (!isPlainObject(value)) return null;
  const { id, revision, choices, decidedAt, expiresAt, action, signals, language, textHash } = value;
  const names = isPlainObject(choices) ? Object.keys(choices) : [];
  const valid =
    typeof id === 'string' &&
    CONSENT_ID.test(id) &&
    Number.isSafeInteger(revision) &&
    (revision as number) >= 0 &&
    names.length > 0 &&
    names.length <= MAX_CATEGORIES &&
    names.every((name) => CATEGORY.test(name) && typeof (choices as Record<string, unknown>)[name] === 'boolean') &&
    !Number.isNaN(isoTime(decidedAt) + isoTime(expiresAt)) &&
    typeof action === 'string' &&
    (CONSENT_ACTIONS as Record<string, unknown>)[action] === true &&
    isPlainObject(signals) &&
    typeof signals.gpc === 'boolean' &&
    typeof signals.dnt === 'boolean' &&
    (language === undefined || (typeof language === 'string' && LANGUAGE_TAG.test(language))) &&
    (textHash === undefined || (typeof textHash === 'string' && TEXT_HASH.test(textHash)));
  if (!valid) return null;
  return {
    id,
    revision: revision as number,
    choices: Object.fromEntries(names.map((name) => [name, (choices as Record<string, boolean>)[name] === true])),
    decidedAt: decidedAt as string,
    expiresAt: expiresAt as string,
    action: action as ConsentAction,
    signals: { gpc: signals.gpc as boolean, dnt: signals.dnt as boolean },
    ...(language === undefined ? {} : { language }),
    ...(textHash === undefined ? {} : { textHash }),
  };
}

/** A stored queue entry, rebuilt, or null when it holds no consent record. */
function toEntry(value: unknown): QueuedRecord | null {
  const record = isPlainObject(value) ? toRecord(value.record) : null;
  if (!(record && isPlainObject(value))) return null;
  const { attempts, next } = value;
  return {
    record,
    // A count or time that is not a number was not written by this code. The entry is tried again at once
    // rather than kept and never sent; its failures count from there, so it is given up like any other.
    attempts: Number.isSafeInteger(attempts) && (attempts as number) >= 0 ? (attempts as number) : 0,
    next: typeof next === 'number' && Number.isFinite(next) ? next : 0,
  };
}

/** Which decision a queued record is: the id is kept across a visitor's changes, so with its decision time. */
const entryKey = (record: ConsentRecord) => `${record.id}@${record.decidedAt}`;
/** When the decision of a key was made (ms since the epoch); NaN when the key is not one. */
const keyTime = (key: unknown) =>
  typeof key === 'string' && CONSENT_ID.test(key.slice(0, 36)) && key[36] === '@' ? isoTime(key.slice(37)) : Number.NaN;

/** Which of two copies of one entry is later: each attempt counts one up; a lease moves `next` later. */
const isLater = (entry: QueuedRecord, than: QueuedRecord) =>
  entry.attempts > than.attempts || (entry.attempts === than.attempts && entry.next > than.next);

/**
 * Proof of consent (GDPR Art. 7(1)): posts each decision record as JSON to `endpoint` with
 * `fetch(..., { keepalive: true })`, so a record survives the page being left right after the click.
 * Records not delivered wait in a small localStorage queue, at most 30 days, and are retried on later page
 * loads, with a growing delay. Never blocks and never throws; sends no cookies, no referrer, nothing but the
 * record. Records reach the log whatever the storage does: where it is full, blocked or forgets writes, they
 * wait in the page's memory. A record may arrive twice when a response is lost: the record's id and
 * decidedAt identify it.
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
  // A queue holds at least the newest record, so that every record is posted at least once.
  const maxQueue = Math.max(1, options.maxQueue ?? 50);
  const inFlight = new Set<string>();
  // This page's copy of the queue. The stored queue is shared with the other tabs, and may be full, blocked,
  // forget writes or be overwritten by another tab's write of the same moment: the two are merged on every read.
  let memory: QueuedRecord[] = [];
  // Keys of records delivered or given up, by this page or (read from storage) by another tab.
  let done: string[] = [];
  // Keys of queued records this page has read from storage. When the stored queue is gone altogether, another
  // tab has sent or given up every record in it; a record this page never read there (its own, written while
  // the storage failed) is still this page's to send.
  const seen = new Set<string>();
  // The last stored text read and what it held: the same text is not parsed and checked again.
  let lastRaw: string | null = null;
  let lastRead: StoredQueue = { queue: [], done: [] };

  /** What a stored text holds. The queue is bounded before anything in it is looked at. Never throws. */
  function parse(raw: string): StoredQueue {
    try {
      // The queue with its expiry; a plain array is the queue as earlier versions wrote it.
      const value = decodeStoredValue('localStorage', raw)?.value ?? (JSON.parse(raw) as unknown);
      const queue = Array.isArray(value)
        ? value
        : isPlainObject(value) && Array.isArray(value.queue)
          ? value.queue
          : [];
      const keys = isPlainObject(value) && Array.isArray(value.done) ? value.done : [];
      return {
        queue: (queue as unknown[]).slice(-maxQueue).flatMap((entry) => toEntry(entry) ?? []),
        done: (keys as unknown[]).slice(-maxQueue).filter((key): key is string => !Number.isNaN(keyTime(key))),
      };
    } catch {
      return { queue: [], done: [] };
    }
  }

  /** The stored queue; null when there is none; undefined when the storage cannot be read. */
  function read(): StoredQueue | null | undefined {
    try {
      const raw = webStorage('localStorage')?.getItem(storageKey);
      if (raw === undefined) return undefined;
      if (raw === null) return null;
      if (raw !== lastRaw) {
        lastRead = parse(raw);
        lastRaw = raw;
      }
      return lastRead;
    } catch {
      return undefined;
    }
  }

  /** Records in the order they were decided, none past its lifetime, done or given up; the newest maxQueue. */
  function tidy(entries: Iterable<QueuedRecord>, at: number): QueuedRecord[] {
    return [...entries]
      .filter(
        (entry) =>
          Math.abs(at - Date.parse(entry.record.decidedAt)) <= LIFETIME &&
          entry.attempts < maxAttempts &&
          !done.includes(entryKey(entry.record)),
      )
      .map((entry) => (entry.next > at + LONGEST_WAIT ? { ...entry, next: at + LONGEST_WAIT } : entry))
      .sort(
        (a, b) =>
          Date.parse(a.record.decidedAt) - Date.parse(b.record.decidedAt) ||
          (entryKey(a.record) < entryKey(b.record) ? -1 : 1),
      )
      .slice(-maxQueue);
  }

  /** The queue: the stored one merged with this page's copy, by record key. */
  function load(): QueuedRecord[] {
    const at = now();
    const stored = read();
    const merged = new Map<string, QueuedRecord>();
    for (const entry of stored?.queue ?? []) {
      seen.add(entryKey(entry.record));
      merged.set(entryKey(entry.record), entry);
    }
    for (const entry of memory) {
      const key = entryKey(entry.record);
      const there = merged.get(key);
      if (there) {
        if (isLater(entry, there)) merged.set(key, entry);
      } else if (!(stored === null && seen.has(key))) {
        // Not in the stored queue: the storage never held it, or another tab's write of the same moment
        // overwrote it. (Had another tab sent it, it would be listed as done, or the queue would be gone.)
        merged.set(key, entry);
      }
    }
    done = [...new Set([...(stored?.done ?? []), ...done])]
      .filter((key) => Math.abs(at - keyTime(key)) <= LIFETIME)
      .slice(-maxQueue);
    memory = tidy(merged.values(), at);
    const keys = new Set(memory.map((entry) => entryKey(entry.record)));
    for (const key of seen) if (!keys.has(key)) seen.delete(key);
    return memory;
  }

  function save(queue: QueuedRecord[]) {
    const at = now();
    memory = tidy(queue, at);
    try {
      const area = webStorage('localStorage');
      if (memory.length === 0) area?.removeItem(storageKey);
      else {
        const newest = Date.parse((memory[memory.length - 1] as QueuedRecord).record.decidedAt);
        // The item expires with its newest record: after that, nothing in it may be kept.
        const text = encodeStoredValue('localStorage', {
          value: { queue: memory, done } satisfies StoredQueue,
          writtenAt: at,
          expiresAt: Math.min(newest, at) + LIFETIME,
        });
        area?.setItem(storageKey, text);
      }
    } catch {
      // Storage full or blocked: the queue lives in memory for this page.
    }
  }

  /** Applies a change to the entry of one record, read fresh (another tab may have changed it); null: done. */
  function change(key: string, apply: (entry: QueuedRecord) => QueuedRecord | null) {
    save(
      load().flatMap((entry) => {
        if (entryKey(entry.record) !== key) return [entry];
        const changed = apply(entry);
        if (!changed) done = [...done, key];
        return changed ? [changed] : [];
      }),
    );
  }

  async function send(entry: QueuedRecord): Promise<void> {
    const key = entryKey(entry.record);
    inFlight.add(key);
    let delivered = false;
    try {
      change(key, (stored) => ({ ...stored, next: now() + LEASE }));
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
    try {
      // Done even when it has left the queue meanwhile: no tab sends it again.
      if (delivered) done = [...done, key];
      change(key, (stored) => {
        const attempts = stored.attempts + 1;
        if (attempts >= maxAttempts) return null;
        // The first failure is retried on the next page load; later ones wait longer and longer.
        const wait = attempts === 1 ? 0 : Math.min(retryDelay * 2 ** (attempts - 2), LONGEST_WAIT);
        return { ...stored, attempts, next: now() + wait };
      });
    } catch {
      // A clock that throws: the entry is tried again on a later flush.
    }
  }

  function flush(): Promise<void> {
    try {
      const at = now();
      // Written back as read: what was dropped on reading (too old, malformed, beyond the bound) leaves storage.
      save(load());
      // The queue is bounded, and so is what one flush posts.
      const due = memory.filter((entry) => entry.next <= at && !inFlight.has(entryKey(entry.record)));
      return Promise.all(due.map(send)).then(
        () => undefined,
        () => undefined,
      );
    } catch {
      return Promise.resolve();
    }
  }

  // Set once this page has flushed by itself (a decision): the start-up retry is then already done.
  let flushed = false;
  const logger = ((record: ConsentRecord) => {
    flushed = true;
    try {
      // What is posted is what a record is: a caller's extra fields never leave, nor anything not a record.
      const checked = toRecord(record);
      if (!checked) {
        if (process.env.NODE_ENV !== 'production') {
          warn(
            'the consent logger was given something that is not a consent record (a store writes them), so it was not logged.',
          );
        }
        return;
      }
      const key = entryKey(checked);
      save([...load().filter((queued) => entryKey(queued.record) !== key), { record: checked, attempts: 0, next: 0 }]);
      void flush();
    } catch {
      // A consent log must never break the decision it records.
    }
  }) as ConsentLogger;
  logger.flush = flush;
  logger.pending = () => {
    try {
      return load().length;
    } catch {
      return memory.length;
    }
  };

  // Records left from earlier pages are retried once this page has had its turn.
  if (typeof window !== 'undefined') setTimeout(() => flushed || void flush(), 0);
  return logger;
}
