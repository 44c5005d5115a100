import { decodeRecord, type PrivacySignals, type RecordContext } from './consent-record';
import type { ConsentRuntime } from './consent-runtime';
import type { ConsentSnapshot, ConsentStore, ConsentStoreOptions } from './consent-store';
import { readCookie } from './cookie';
import type { Policy } from './policy';
import { NO_SIGNALS, readPrivacySignals } from './signals';
import type { SyncTransport } from './sync';

/** A module that is either at hand or still on its way (a chunk loaded on demand). */
export type Part<T> = () => T | Promise<T>;

/**
 * Runs `use` with the part now when it is at hand, else once it arrives; a failed load is reported, not
 * thrown. What `use` returns is a way to undo it: the function returned calls it, or, while the part is
 * still on its way, makes sure `use` never runs.
 */
export function withPart<T>(part: Part<T>, use: (value: T) => (() => void) | undefined): () => void {
  let live = true;
  let undo: (() => void) | undefined;
  const run = (value: T) => {
    if (live) undo = use(value);
  };
  const value = part();
  // The error names the chunk that failed ("Failed to fetch dynamically imported module: …").
  if (value instanceof Promise) value.then(run, console.error);
  else run(value);
  return () => {
    live = false;
    undo?.();
  };
}

/** A part loaded on first use, then at hand; a failed load is tried again on the next use. */
export function lazyPart<T extends object>(load: () => Promise<T>): Part<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().then(
      (loaded) => {
        value = loaded;
        return loaded;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return value ?? pending;
  };
}

/** A store's options, with the privacy signals given always as a function (`createConsentStore` makes it one). */
export type StateOptions<C extends string> = Omit<ConsentStoreOptions<C>, 'signals'> & {
  signals?: () => PrivacySignals;
};

/** What the runtime (decisions, cross-tab sync, the expiry timer) reads and changes of a store. */
export interface StoreInternals<C extends string> {
  readonly policy: Policy<C>;
  readonly options: StateOptions<C>;
  /**
   * Once the storage has failed (it threw, or dropped a write), the consent lives on here in memory; where
   * there is no document (a server) and no storage was given, it lives here from the start.
   */
  readonly kept: { broken: boolean; value: string | null };
  /** The cross-tab channel once the runtime has set it up; null when there is none (`sync: false`). */
  transport?: SyncTransport | null;
  /** Called after every change the subscribers are told of. */
  changed?: () => void;
  /** What the visitor is being shown, once the UI has said (see `setRecordContext`). */
  recordContext?: RecordContext;
  /** The privacy signals, as read when the store was created or last refreshed. */
  signals: PrivacySignals;
  /** Reads the privacy signals again (the ones given, else the browser's). */
  readSignals(): PrivacySignals;
  /** The encoded value stored now (what is kept in memory once the storage has failed). */
  read(): string | null;
  /** The state now: its snapshot, and the key that tells whether a new one differs. */
  current: StoreState<C>;
  /** The state of an encoded value, at the store's time and signals. */
  stateOf(value: string | null): StoreState<C>;
  /** Tells the subscribers (and `changed`) that `current` changed. */
  notify(): void;
  getSnapshot(): ConsentSnapshot<C>;
}

/** A snapshot is identified by the encoded value it came from and the signals; equal keys, same object. */
export interface StoreState<C extends string> {
  readonly key: string;
  readonly snapshot: ConsentSnapshot<C>;
}

/** The store's methods that change something: they run in the runtime. */
const RUNTIME_METHODS = [
  'acceptAll',
  'rejectAll',
  'save',
  'reset',
  'refresh',
  'setRecordContext',
] as const satisfies readonly (keyof ConsentRuntime & keyof ConsentStore)[];

/**
 * The store behind `createConsentStore`. Reading the consent and the snapshots are here; what runs only
 * when something happens (a decision, another tab's message, the expiry timer) is the `runtime`, at hand
 * in the core entry, loaded on demand by the React provider so that a page's first load carries only what
 * reads the consent. Actions called before the runtime has arrived take effect, in order, once it has.
 */
export function createConsentState<C extends string>(
  policy: Policy<C>,
  options: StateOptions<C>,
  runtime: Part<ConsentRuntime>,
): ConsentStore<C> {
  const { now = Date.now, serverValue = null, storage: target, signals: readSignals = readPrivacySignals } = options;
  const listeners = new Set<() => void>();
  const undecided = Object.freeze(
    Object.fromEntries(policy.categories.map((category) => [category.name, category.required])),
  ) as Record<C, boolean>;
  let stopWatching = () => {};

  const internals: StoreInternals<C> = {
    policy,
    options,
    // Without a document there is no cookie: the server keeps the consent it was given in memory. Elsewhere
    // the value is the fallback should reading the storage fail: the consent the server saw.
    kept: { broken: !target && typeof document === 'undefined', value: serverValue },
    signals: readSignals(),
    readSignals,
    read() {
      const { kept } = internals;
      if (!kept.broken) {
        try {
          return target ? target.read() : readCookie(document.cookie, policy.cookie.name);
        } catch {
          kept.broken = true;
        }
      }
      return kept.value;
    },
    stateOf(value) {
      const record = decodeRecord(policy, value, now());
      const { signals } = internals;
      return {
        key: `${record && value}${signals.gpc}${signals.dnt}`,
        snapshot: Object.freeze({
          status: record ? 'decided' : 'undecided',
          choices: record?.choices ?? undecided,
          record,
          signals,
        }) as ConsentSnapshot<C>,
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
      internals.changed?.();
    },
    getSnapshot() {
      // A choice that has reached consentMaxAge is dropped on read once the runtime is at hand: at once in
      // the core store; in the provider's, the first read starts its download (that read's snapshot was
      // decoded fresh), and its expiry timer covers the rest.
      const loaded = runtime();
      if (!(loaded instanceof Promise)) loaded.expire(internals);
      return internals.current.snapshot;
    },
  } as StoreInternals<C>;
  internals.current = internals.stateOf(internals.read());
  const serverSnapshot = Object.freeze({ ...internals.stateOf(serverValue).snapshot, signals: NO_SIGNALS });

  const store = {
    policy,
    getSnapshot: internals.getSnapshot,
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      if (listeners.size === 1) {
        // Other tabs and the expiry timer are watched while someone listens.
        stopWatching = withPart(runtime, (loaded) => loaded.watch(internals));
      }
      return () => {
        if (listeners.delete(listener) && !listeners.size) stopWatching();
      };
    },
  } as ConsentStore<C>;
  // The rest of the store's methods run in the runtime.
  for (const name of RUNTIME_METHODS) {
    (store as unknown as Record<string, unknown>)[name] = (argument: unknown) => {
      withPart(runtime, (loaded) => {
        (loaded[name] as (store: StoreInternals<C>, argument: unknown) => void)(internals, argument);
      });
    };
  }
  return store;
}
