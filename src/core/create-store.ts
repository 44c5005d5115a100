import type * as ConsentChanges from './consent-changes';
import { consentCookieValue, decodeRecord } from './consent-record';
import type { ConsentSnapshot, ConsentStore } from './consent-store-types';
import { type Part, withPart } from './lazy-module';
import type { Policy } from './policy';
import { NO_SIGNALS, readPrivacySignals } from './signals';
import type { StoreInternals, StoreOptions } from './store-internals';

/** What changes a store's state: decisions, other tabs, the expiry of a choice (`consent-changes.ts`). */
export type Changes = typeof ConsentChanges;

/**
 * The consent store. Reading the consent and the snapshots are here; what runs only when something happens
 * (a decision, another tab's message, the expiry of a choice) is `changes`: at hand in `createConsentStore`,
 * loaded on demand by the React provider so that a page's first load carries only what reads the consent.
 * Methods called before `changes` has arrived take effect, in order, once it has.
 */
export function createStore<C extends string>(
  policy: Policy<C>,
  options: StoreOptions<C>,
  changes: Part<Changes>,
): ConsentStore<C> {
  const { now = Date.now, serverValue = null, storage, signals: readSignals = readPrivacySignals } = options;
  const listeners = new Set<() => void>();
  const undecided = Object.freeze(
    Object.fromEntries(policy.categories.map((category) => [category.name, category.required])),
  ) as Record<C, boolean>;
  /** The third-party categories, off: what a privacy signal withholds. */
  const withheld = Object.fromEntries(
    policy.categories.filter((category) => category.thirdParty).map((category) => [category.name, false]),
  );
  let stopWatching = () => {};

  // `current` is set right below, once `stateOf` can be called.
  const internals = {
    policy,
    options,
    listeners,
    // Without a document there is no cookie: the server keeps the consent it was given in memory. Elsewhere
    // the value is the fallback should reading the storage fail: the consent the server saw.
    memory: { active: !storage && typeof document === 'undefined', value: serverValue },
    signals: readSignals(),
    readSignals,
    read() {
      const { memory } = internals;
      if (!memory.active) {
        try {
          return storage ? storage.read() : consentCookieValue(policy, document.cookie, now());
        } catch {
          memory.active = true;
        }
      }
      return memory.value;
    },
    stateOf(value) {
      const record = decodeRecord(policy, value, now());
      const { signals } = internals;
      return {
        key: `${record && value}${signals.gpc}${signals.dnt}`,
        snapshot: Object.freeze({
          status: record ? 'decided' : 'undecided',
          // While a privacy signal is on, a third-party category reads as not granted, unless the visitor
          // switched it on while a signal was on (then only an explicit save grants it: see acceptAll). The
          // test reads: a signal now (true) where the decision saw none (false).
          choices:
            record && (signals.gpc || signals.dnt) > (record.signals.gpc || record.signals.dnt)
              ? Object.freeze({ ...record.choices, ...withheld })
              : (record?.choices ?? undecided),
          record,
          signals,
        }) as ConsentSnapshot<C>,
      };
    },
    getSnapshot() {
      // A choice that has expired since it was read is dropped on read once the changes are at hand: at once
      // in the core store; in the provider's, the first read starts their download (that read's snapshot was
      // decoded fresh), and their expiry timer covers the rest.
      const loaded = changes();
      if (!(loaded instanceof Promise)) loaded.expire(internals);
      return internals.current.snapshot;
    },
  } as StoreInternals<C>;
  internals.current = internals.stateOf(internals.read());
  const serverSnapshot = Object.freeze({ ...internals.stateOf(serverValue).snapshot, signals: NO_SIGNALS });

  return {
    policy,
    getSnapshot: internals.getSnapshot,
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      // Other tabs and the expiry timer are watched while someone listens.
      if (listeners.size === 1) stopWatching = withPart(changes, (loaded) => loaded.watch(internals));
      return () => {
        if (listeners.delete(listener) && !listeners.size) stopWatching();
      };
    },
    acceptAll() {
      withPart(changes, (loaded) => void loaded.acceptAll(internals));
    },
    rejectAll() {
      withPart(changes, (loaded) => void loaded.rejectAll(internals));
    },
    save(choices) {
      withPart(changes, (loaded) => void loaded.save(internals, choices));
    },
    reset() {
      withPart(changes, (loaded) => void loaded.reset(internals));
    },
    refresh() {
      withPart(changes, (loaded) => void loaded.refresh(internals));
    },
    setRecordContext(context) {
      internals.recordContext = { ...internals.recordContext, ...context };
    },
  };
}
