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

function sameChoices<C extends string>(a: Choices<C>, b: Choices<C>, names: readonly C[]): boolean {
  return names.every((name) => a[name] === b[name]);
}

function sameSnapshot<C extends string>(a: ConsentSnapshot<C>, b: ConsentSnapshot<C>, names: readonly C[]): boolean {
  return (
    a.status === b.status &&
    a.record?.id === b.record?.id &&
    a.record?.decidedAt === b.record?.decidedAt &&
    a.record?.action === b.record?.action &&
    a.signals.gpc === b.signals.gpc &&
    a.signals.dnt === b.signals.dnt &&
    sameChoices(a.choices, b.choices, names)
  );
}

function resolveSignals(option: ConsentStoreOptions['signals']): PrivacySignals {
  if (typeof option === 'function') return option();
  if (option) return Object.freeze({ gpc: option.gpc === true, dnt: option.dnt === true });
  return readPrivacySignals();
}

/**
 * The consent state of one visitor, framework-free. Reads the stored choice once when created, writes
 * each decision to the consent cookie, tells other tabs, and notifies subscribers only on real change.
 */
export function createConsentStore<C extends string>(
  policy: Policy<C>,
  options: ConsentStoreOptions<C> = {},
): ConsentStore<C> {
  const now = options.now ?? Date.now;
  const names = policy.categoryNames;
  const required = new Set<C>(policy.categories.filter((c) => c.required).map((c) => c.name));
  const inBrowser = typeof document !== 'undefined';
  const storage = resilientPersistence(
    options.storage ?? (inBrowser ? cookiePersistence(policy) : memoryPersistence(options.serverValue ?? null)),
  );
  const sync =
    options.sync === false ? null : (options.sync ?? browserSync(`react-consent-policy:${policy.cookie.name}`));
  const createId = options.createId ?? randomId;
  const listeners = new Set<() => void>();

  const undecidedChoices = Object.freeze(
    Object.fromEntries(names.map((name) => [name, required.has(name)])) as Record<C, boolean>,
  );

  function snapshotOf(record: ConsentRecord<C> | null, signals: PrivacySignals): ConsentSnapshot<C> {
    return Object.freeze({
      status: record ? 'decided' : 'undecided',
      choices: record ? record.choices : undecidedChoices,
      record,
      signals,
    });
  }

  let signals = resolveSignals(options.signals);
  let current = snapshotOf(decodeRecord(policy, storage.read(), now()), signals);
  const serverSnapshot = snapshotOf(decodeRecord(policy, options.serverValue ?? null, now()), NO_SIGNALS);

  let recordContext: RecordContext = {};
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | null = null;

  function notify() {
    for (const listener of [...listeners]) listener();
  }

  function armExpiry() {
    clearTimeout(expiryTimer);
    expiryTimer = undefined;
    if (listeners.size === 0 || !current.record) return;
    const delay = Date.parse(current.record.expiresAt) - now();
    expiryTimer = setTimeout(
      () => {
        getSnapshot();
        armExpiry();
      },
      Math.min(Math.max(delay, 0), MAX_TIMER),
    );
  }

  /** Replaces the snapshot when it differs; returns whether it did. */
  function update(next: ConsentSnapshot<C>): boolean {
    if (sameSnapshot(current, next, names)) return false;
    current = next;
    armExpiry();
    notify();
    return true;
  }

  function getSnapshot(): ConsentSnapshot<C> {
    const record = current.record;
    if (record && Date.parse(record.expiresAt) <= now()) {
      // The choice has reached consentMaxAge: the visitor is asked again.
      current = snapshotOf(null, signals);
      queueMicrotask(notify);
    }
    return current;
  }

  function readStored() {
    return snapshotOf(decodeRecord(policy, storage.read(), now()), signals);
  }

  function decide(choices: Record<C, boolean>, action: ConsentAction) {
    const previous = getSnapshot();
    for (const name of required) choices[name] = true;
    if (previous.status === 'decided' && sameChoices(previous.choices, choices, names)) return;
    const withdrawn = previous.status === 'decided' && names.some((name) => previous.choices[name] && !choices[name]);
    const decidedAt = now();
    const record: ConsentRecord<C> = Object.freeze({
      id: previous.record?.id ?? createId(),
      revision: policy.revision,
      choices: Object.freeze(choices),
      decidedAt: new Date(decidedAt).toISOString(),
      expiresAt: new Date(decidedAt + policy.consentMaxAge).toISOString(),
      action: withdrawn ? 'withdraw' : action,
      signals,
    });
    const value = encodeRecord(policy, record);
    storage.write(value, policy.consentMaxAge);
    update(snapshotOf(record, signals));
    sync?.post({ value });
    try {
      options.onDecision?.(Object.freeze({ ...record, ...recordContext }));
    } catch (error) {
      // The decision stands even when a logger fails; report without breaking the caller.
      console.error('react-consent-policy: onDecision threw', error);
    }
  }

  function choicesFrom(grant: (name: C) => boolean): Record<C, boolean> {
    return Object.fromEntries(names.map((name) => [name, grant(name)])) as Record<C, boolean>;
  }

  const thirdParty = new Set<C>(policy.categories.filter((c) => c.thirdParty).map((c) => c.name));

  function getServerSnapshot() {
    return serverSnapshot;
  }

  function subscribe(listener: () => void) {
    listeners.add(listener);
    if (listeners.size === 1) {
      // Catch up on what happened while nobody listened (another tab, or the cookie after hydration).
      const stored = readStored();
      if (!sameSnapshot(current, stored, names)) current = stored;
      stopListening =
        sync?.listen((message) => {
          const value = message.value === undefined ? storage.read() : message.value;
          update(snapshotOf(decodeRecord(policy, value, now()), signals));
        }) ?? null;
      armExpiry();
    }
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      stopListening?.();
      stopListening = null;
      clearTimeout(expiryTimer);
    };
  }

  return {
    policy,
    getSnapshot,
    getServerSnapshot,
    subscribe,
    acceptAll() {
      const signalled = signals.gpc || signals.dnt;
      decide(
        choicesFrom((name) => !(signalled && thirdParty.has(name))),
        'accept-all',
      );
    },
    rejectAll() {
      decide(
        choicesFrom(() => false),
        'reject-all',
      );
    },
    save(partial) {
      const base = getSnapshot().choices;
      const known = new Set<string>(names);
      const given = (typeof partial === 'object' && partial !== null ? partial : {}) as Record<string, unknown>;
      for (const key of Object.keys(given)) {
        if (!known.has(key)) warn(`save() got "${key}", which is not a category of this policy; it was ignored.`);
      }
      // Only a literal true grants: a malformed value fails closed.
      const choices = choicesFrom((name) => (Object.hasOwn(given, name) ? given[name] === true : base[name]));
      const anyOptional = names.some((name) => !required.has(name) && choices[name]);
      decide(choices, anyOptional || getSnapshot().status === 'decided' ? 'custom' : 'reject-all');
    },
    reset() {
      storage.clear();
      if (update(snapshotOf(null, signals))) sync?.post({ value: null });
    },
    refresh() {
      signals = resolveSignals(options.signals);
      update(readStored());
    },
    setRecordContext(context) {
      recordContext = { ...recordContext, ...context };
    },
  };
}
