import type { ConsentAction, ConsentRecord, RecordContext } from './consent-record';
import { encodeRecord, randomId } from './consent-record-writer';
import type { StoreInternals } from './consent-state';
import type { ConsentStore } from './consent-store';
import { cookiePersistence } from './cookie-persistence';
import { browserSync, type SyncTransport } from './sync';
import { warn } from './warn';

/** Stores whose storage was audited in development: the findings are logged once. */
const audited = new WeakSet<object>();

/** Longest delay setTimeout accepts; a longer expiry is re-armed when the timer fires. */
const MAX_TIMER = 2_147_483_647;

/** The store's cross-tab channel: the one given, none (`sync: false`), or the browser's, created on first use. */
function channel<C extends string>(store: StoreInternals<C>): SyncTransport | null {
  // Not `??=`: null (`sync: false`) must stay null.
  if (store.transport === undefined) {
    const { sync } = store.options;
    store.transport = sync === false ? null : (sync ?? browserSync(`react-consent-policy:${store.policy.cookie.name}`));
  }
  return store.transport;
}

/** The store's clock: the one given, else the system's. */
const clock = <C extends string>(store: StoreInternals<C>): number => (store.options.now ?? Date.now)();

/** Drops a choice that has reached consentMaxAge: the visitor is asked again. */
function expire<C extends string>(store: StoreInternals<C>) {
  const { record } = store.current.snapshot;
  if (record && Date.parse(record.expiresAt) <= clock(store)) {
    store.current = store.stateOf(null);
    // Not during the read (a render may be reading): the subscribers hear of it right after.
    queueMicrotask(store.notify);
  }
}

/** Takes the state of an encoded value; notifies only when it differs. True when it did. */
function update<C extends string>(store: StoreInternals<C>, value: string | null): boolean {
  const next = store.stateOf(value);
  if (next.key === store.current.key) return false;
  store.current = next;
  store.notify();
  return true;
}

/**
 * Stores an encoded value (null clears it). A storage that throws, or drops a write (cookies disabled),
 * is given up for the rest of the page's life: the consent then lives on in memory.
 */
function keep<C extends string>(store: StoreInternals<C>, value: string | null) {
  const { kept, policy } = store;
  kept.value = value;
  if (kept.broken) return;
  // The storage given, else the consent cookie.
  const target = store.options.storage ?? cookiePersistence(policy);
  try {
    if (value === null) target.clear();
    else {
      target.write(value, policy.consentMaxAge);
      if (store.read() !== value) kept.broken = true;
    }
  } catch {
    kept.broken = true;
  }
}

/**
 * Writes a decision: the new record to the consent cookie, to the subscribers, to the other tabs and to
 * `onDecision`. A choice equal to the current one changes nothing and tells no one.
 */
function decide<C extends string>(store: StoreInternals<C>, grant: (name: C) => boolean, action: ConsentAction) {
  const { policy, options } = store;
  const { signals, record: decided } = store.getSnapshot();
  const choices = Object.fromEntries(
    policy.categories.map(({ name, required }) => [name, required || grant(name)]),
  ) as Record<C, boolean>;
  const names = policy.categoryNames;
  if (decided && names.every((name) => decided.choices[name] === choices[name])) return;
  const decidedAt = clock(store);
  const record: ConsentRecord<C> = {
    id: decided?.id ?? (options.createId ?? randomId)(),
    revision: policy.revision,
    choices,
    decidedAt: new Date(decidedAt).toISOString(),
    expiresAt: new Date(decidedAt + policy.consentMaxAge).toISOString(),
    action: decided && names.some((name) => decided.choices[name] && !choices[name]) ? 'withdraw' : action,
    signals,
  };
  const value = encodeRecord(policy, record);
  keep(store, value);
  update(store, value);
  channel(store)?.post({ value });
  try {
    options.onDecision?.(Object.freeze({ ...record, ...store.recordContext }));
  } catch (error) {
    // The decision stands even when a logger fails; report without breaking the caller.
    console.error('react-consent-policy: onDecision threw', error);
  }
}

/**
 * What a store runs only when something happens: the actions, and while someone listens, other tabs'
 * messages and the expiry timer. Kept apart so that a page's first load carries only what reads the consent.
 */
export const consentRuntime = {
  /** Watches other tabs and the expiry of the current choice; returns the function that stops watching. */
  watch<C extends string>(store: StoreInternals<C>): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      const record = store.getSnapshot().record;
      if (record) {
        timer = setTimeout(
          () => {
            expire(store);
            arm();
          },
          Math.min(Math.max(Date.parse(record.expiresAt) - clock(store), 0), MAX_TIMER),
        );
      }
    };
    const stopListening = channel(store)?.listen((message) =>
      update(store, message.value === undefined ? store.read() : message.value),
    );
    store.changed = arm;
    // Catch up on what happened while nobody listened (another tab, or the cookie after hydration).
    update(store, store.read());
    arm();
    return () => {
      store.changed = undefined;
      clearTimeout(timer);
      stopListening?.();
    };
  },

  /** Called on every read of the store once the runtime is at hand. */
  expire,

  acceptAll<C extends string>(store: StoreInternals<C>) {
    // With a privacy signal on, "Accept all" leaves third-party categories off; only an explicit save grants them.
    const { gpc, dnt } = store.getSnapshot().signals;
    const withheld = new Set(
      store.policy.categories.filter((category) => (gpc || dnt) && category.thirdParty).map(({ name }) => name),
    );
    decide(store, (name) => !withheld.has(name), 'accept-all');
  },
  rejectAll<C extends string>(store: StoreInternals<C>) {
    decide(store, () => false, 'reject-all');
  },
  save<C extends string>(store: StoreInternals<C>, partial: Parameters<ConsentStore<C>['save']>[0]) {
    const { policy } = store;
    const given: Record<string, unknown> = { ...partial };
    try {
      if (process.env.NODE_ENV !== 'production') {
        for (const key in given) {
          if (!policy.categoryNames.includes(key as C))
            warn(`save() got "${key}", which is not a category of this policy; it was ignored.`);
        }
      }
    } catch {
      // No `process` (a page without a bundler): production.
    }
    const base = store.getSnapshot();
    // Only a literal true grants: a malformed value fails closed.
    const grant = (name: C) => (name in given ? given[name] === true : base.choices[name]);
    const custom = base.record || policy.categories.some((category) => !category.required && grant(category.name));
    decide(store, grant, custom ? 'custom' : 'reject-all');
  },
  /**
   * What a provider keeps doing for the page's life: deletes the declared storage of refused categories,
   * now and after every change, with cleanup code fetched only once some category is not granted (a
   * returning visitor who accepted everything never downloads it); in development, a second after start
   * (tags loaded with the page have written their cookies by then), compares what this browser holds with
   * the policy and logs the findings once per store, as a table. Returns the function that stops it.
   */
  maintain<C extends string>(store: ConsentStore<C>): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (process.env.NODE_ENV !== 'production' && !audited.has(store)) {
        timer = setTimeout(() => {
          audited.add(store);
          import('./audit-log').then(
            (module) => module.logStorageAudit(store.policy, store.getSnapshot()),
            () => {},
          );
        }, 1000);
      }
    } catch {
      // No `process` (a page without a bundler): production.
    }
    let stop: (() => void) | undefined;
    let live = true;
    let loading = false;
    const check = () => {
      if (loading || Object.values(store.getSnapshot().choices).every(Boolean)) return;
      loading = true;
      import('./storage-cleanup').then(
        (module) => {
          if (live) stop = module.attachStorageCleanup(store);
        },
        () => {
          loading = false;
        },
      );
    };
    const unsubscribe = store.subscribe(check);
    check();
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
      stop?.();
    };
  },
  /** Reads the stored consent and the privacy signals again. */
  refresh<C extends string>(store: StoreInternals<C>) {
    store.signals = store.readSignals();
    update(store, store.read());
  },
  setRecordContext<C extends string>(store: StoreInternals<C>, context: RecordContext) {
    store.recordContext = { ...store.recordContext, ...context };
  },
  /** Forgets the decision: the visitor is asked again. Not a decision: onDecision is not called. */
  reset<C extends string>(store: StoreInternals<C>) {
    keep(store, null);
    if (update(store, null)) channel(store)?.post({ value: null });
  },
};

export type ConsentRuntime = typeof consentRuntime;
