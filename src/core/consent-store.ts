import {
  type ConsentAction,
  type ConsentRecord,
  decodeRecord,
  encodeRecord,
  type PrivacySignals,
  type RecordContext,
  randomId,
} from './consent-record';
import { type ConsentPersistence, cookiePersistence, memoryPersistence, resilientPersistence } from './persistence';
import type { Policy } from './policy';
import { NO_SIGNALS, readPrivacySignals } from './signals';
import { browserSync, type SyncTransport } from './sync';
import { warn } from './warn';

export type ConsentStatus = 'undecided' | 'decided';
export type Choices<C extends string> = Readonly<Record<C, boolean>>;

/** What the store knows now. Immutable; the same object (`===`) until something changes. */
export interface ConsentSnapshot<C extends string = string> {
  readonly status: ConsentStatus;
  /** Every category: required ones always true; optional ones false while undecided. */
  readonly choices: Choices<C>;
  readonly record: ConsentRecord<C> | null;
  /** The privacy signals seen when the store was created (or last refreshed). */
  readonly signals: PrivacySignals;
}

export interface ConsentStoreOptions<C extends string = string> {
  /** Where the consent is kept. Default: the consent cookie in a browser, memory elsewhere. */
  storage?: ConsentPersistence;
  /** The clock, in milliseconds since the epoch. Default: Date.now. */
  now?: () => number;
  /** Privacy signals. Default: read from the browser when the store is created and on refresh(). */
  signals?: Partial<PrivacySignals> | (() => PrivacySignals);
  /** Cross-tab notification. Default: a BroadcastChannel named after the consent cookie; false turns it off. */
  sync?: SyncTransport | false;
  /** Called once per decision (accept all, reject all, a saved change), with the new record. */
  onDecision?: (record: ConsentRecord<C>) => void;
  /**
   * The consent cookie's value as the server saw it (from the request's Cookie header), or null when it
   * had none. The server snapshot, used for server rendering and hydration, is built from it.
   */
  serverValue?: string | null;
  /** Makes consent ids. Default: crypto.randomUUID with a fallback. */
  createId?: () => string;
}

export interface ConsentStore<C extends string = string> {
  readonly policy: Policy<C>;
  getSnapshot(): ConsentSnapshot<C>;
  /** The state the server rendered: from `serverValue`, with no privacy signals (a server cannot read them). */
  getServerSnapshot(): ConsentSnapshot<C>;
  subscribe(listener: () => void): () => void;
  acceptAll(): void;
  rejectAll(): void;
  /** Sets the named categories; the others keep their current state (off while undecided). */
  save(choices: Partial<Record<C, boolean>>): void;
  /** Forgets the decision: the visitor is asked again. Not a decision: onDecision is not called. */
  reset(): void;
  /** Reads the stored consent and the privacy signals again (after hydration, or when the tab is shown). */
  refresh(): void;
  /** Sets what the visitor is being shown (language, hash of the policy text); added to later decisions' records. */
  setRecordContext(context: RecordContext): void;
}

/** Longest delay setTimeout accepts; a longer expiry is re-armed when the timer fires. */
const MAX_TIMER = 2_147_483_647;

function resolveSignals(option: ConsentStoreOptions['signals']): PrivacySignals {
  if (typeof option === 'function') return option();
  return option ? Object.freeze({ gpc: option.gpc === true, dnt: option.dnt === true }) : readPrivacySignals();
}

/**
 * The consent state of one visitor, framework-free. Reads the stored choice once when created, writes
 * each decision to the consent cookie, tells other tabs, and notifies subscribers only on real change.
 */
export function createConsentStore<C extends string>(
  policy: Policy<C>,
  options: ConsentStoreOptions<C> = {},
): ConsentStore<C> {
  const { now = Date.now, createId = randomId, serverValue } = options;
  const names = policy.categoryNames;
  const storage = resilientPersistence(
    options.storage ??
      (typeof document === 'undefined' ? memoryPersistence(serverValue ?? null) : cookiePersistence(policy)),
  );
  const sync =
    options.sync === false ? null : (options.sync ?? browserSync(`react-consent-policy:${policy.cookie.name}`));
  const listeners = new Set<() => void>();
  const undecided = Object.freeze(
    Object.fromEntries(policy.categories.map((category) => [category.name, category.required])) as Record<C, boolean>,
  );

  let signals = resolveSignals(options.signals);
  let recordContext: RecordContext = {};
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | undefined;

  /** A snapshot is identified by the encoded value it came from and the signals; equal keys, same object. */
  const keyOf = (value: string | null) => `${value}${signals.gpc}${signals.dnt}`;
  function snapshotOf(record: ConsentRecord<C> | null): ConsentSnapshot<C> {
    return Object.freeze({
      status: record ? 'decided' : 'undecided',
      choices: record?.choices ?? undecided,
      record,
      signals,
    });
  }
  function read(value: string | null) {
    const record = decodeRecord(policy, value, now());
    return { key: keyOf(record && value), snapshot: snapshotOf(record) };
  }

  let current = read(storage.read());
  const serverSnapshot = Object.freeze({ ...read(serverValue ?? null).snapshot, signals: NO_SIGNALS });

  function armExpiry() {
    clearTimeout(expiryTimer);
    const record = current.snapshot.record;
    if (!listeners.size || !record) return;
    const delay = Date.parse(record.expiresAt) - now();
    expiryTimer = setTimeout(
      () => {
        getSnapshot();
        armExpiry();
      },
      Math.min(Math.max(delay, 0), MAX_TIMER),
    );
  }

  /** Takes the state of an encoded value; notifies only when it differs from the current one. */
  function update(value: string | null): boolean {
    const next = read(value);
    if (next.key === current.key) return false;
    current = next;
    armExpiry();
    notify();
    return true;
  }

  function notify() {
    for (const listener of [...listeners]) listener();
  }

  function getSnapshot(): ConsentSnapshot<C> {
    const record = current.snapshot.record;
    if (record && Date.parse(record.expiresAt) <= now()) {
      // The choice has reached consentMaxAge: the visitor is asked again.
      current = read(null);
      queueMicrotask(notify);
    }
    return current.snapshot;
  }

  function decide(grant: (name: C) => boolean, action: ConsentAction) {
    const previous = getSnapshot();
    const decided = previous.record;
    const choices = Object.fromEntries(names.map((name) => [name, undecided[name] || grant(name)])) as Record<
      C,
      boolean
    >;
    if (decided && names.every((name) => decided.choices[name] === choices[name])) return;
    const decidedAt = now();
    const record: ConsentRecord<C> = {
      id: decided?.id ?? createId(),
      revision: policy.revision,
      choices,
      decidedAt: new Date(decidedAt).toISOString(),
      expiresAt: new Date(decidedAt + policy.consentMaxAge).toISOString(),
      action: decided && names.some((name) => decided.choices[name] && !choices[name]) ? 'withdraw' : action,
      signals,
    };
    const value = encodeRecord(policy, record);
    storage.write(value, policy.consentMaxAge);
    update(value);
    sync?.post({ value });
    try {
      options.onDecision?.(Object.freeze({ ...record, ...recordContext }));
    } catch (error) {
      // The decision stands even when a logger fails; report without breaking the caller.
      console.error('react-consent-policy: onDecision threw', error);
    }
  }

  return {
    policy,
    getSnapshot,
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        // Catch up on what happened while nobody listened (another tab, or the cookie after hydration).
        const stored = read(storage.read());
        if (stored.key !== current.key) current = stored;
        stopListening = sync?.listen((message) => update(message.value === undefined ? storage.read() : message.value));
        armExpiry();
      }
      return () => {
        if (listeners.delete(listener) && !listeners.size) {
          stopListening?.();
          clearTimeout(expiryTimer);
        }
      };
    },
    acceptAll() {
      // With a privacy signal on, "Accept all" leaves third-party categories off; only an explicit save grants them.
      const signalled = signals.gpc || signals.dnt;
      decide((name) => !(signalled && policy.categories.some((c) => c.name === name && c.thirdParty)), 'accept-all');
    },
    rejectAll() {
      decide(() => false, 'reject-all');
    },
    save(partial) {
      const given: Record<string, unknown> = { ...partial };
      if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
        for (const key in given) {
          if (!names.includes(key as C))
            warn(`save() got "${key}", which is not a category of this policy; it was ignored.`);
        }
      }
      const base = getSnapshot();
      // Only a literal true grants: a malformed value fails closed.
      const grant = (name: C) => (name in given ? given[name] === true : base.choices[name]);
      const custom = base.record || names.some((name) => !undecided[name] && grant(name));
      decide(grant, custom ? 'custom' : 'reject-all');
    },
    reset() {
      storage.clear();
      if (update(null)) sync?.post({ value: null });
    },
    refresh() {
      signals = resolveSignals(options.signals);
      update(storage.read());
    },
    setRecordContext(context) {
      recordContext = { ...recordContext, ...context };
    },
  };
}
