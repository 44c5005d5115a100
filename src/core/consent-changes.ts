import { expiryOf, timeLeft } from './consent-expiry';
import type { ConsentAction, ConsentRecord } from './consent-record';
import { encodeRecord, randomId } from './consent-record-writer';
import type { Choices } from './consent-store-types';
import { cookieValues } from './cookie';
import { cookiePersistence } from './cookie-persistence';
import type { SomeCategories } from './policy';
import type { StoreInternals } from './store-internals';
import { browserSync, type SyncTransport } from './sync';
import { MAX_TIMER } from './time';
import { warn } from './warn';

// What changes a store's state, and only that: decisions, other tabs' messages, the expiry of a choice.
// Kept apart from the store (`create-store.ts`) so that a page's first load carries only what reads the
// consent; the React provider loads this module on demand. Every function takes the store's internals.

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

/**
 * Tells the subscribers that `current` changed, then `afterNotify`. One that throws is reported and the
 * others are still told: a broken subscriber must not stop a decision, its record or its message to other tabs.
 */
function notify<C extends string>(store: StoreInternals<C>): void {
  for (const listener of [...store.listeners]) {
    try {
      listener();
    } catch (error) {
      console.error('react-consent-policy: a subscriber of the consent store threw', error);
    }
  }
  store.afterNotify?.();
}

/** Takes the state of an encoded value; notifies only when it differs. True when it did. */
function update<C extends string>(store: StoreInternals<C>, value: string | null): boolean {
  const next = store.stateOf(value);
  if (next.key === store.current.key) return false;
  store.current = next;
  notify(store);
  return true;
}

/**
 * Stores an encoded value for `maxAge` ms (null clears it). A storage that throws, or drops a write
 * (cookies disabled), is given up for the rest of the page's life: the consent then lives on in memory.
 */
function keep<C extends string>(store: StoreInternals<C>, value: string | null, maxAge: number) {
  const { memory, policy } = store;
  memory.value = value;
  if (memory.active) return;
  // The storage given, else the consent cookie.
  const target = store.options.storage ?? cookiePersistence(policy);
  try {
    if (value === null) target.clear();
    else {
      target.write(value, maxAge);
      if (store.read() !== value) memory.active = true;
    }
  } catch {
    memory.active = true;
  }
}

/**
 * Where a page sees several consent cookies (variants on other Paths or Domains, from an older setting or a
 * sibling subdomain), keeps only the one it reads, the latest decision, for the rest of its record's life:
 * every page of the shop then reads the same decision, and a refusal made on one page cannot be outvoted by
 * an older grant on another.
 */
function consolidate<C extends string>(store: StoreInternals<C>) {
  const { record } = store.current.snapshot;
  // Only where the consent is in the cookie: not a storage given, not memory once the cookie has failed.
  if (
    record &&
    !store.options.storage &&
    !store.memory.active &&
    cookieValues(document.cookie, store.policy.cookie.name).length > 1
  ) {
    keep(store, store.read(), timeLeft(record, clock(store)));
  }
}

/**
 * Writes a decision: the new record to the storage (the consent cookie unless another was given), for as
 * long as the record is in force, then to the subscribers, to the other tabs and to `onDecision`. A choice
 * equal to the current one changes nothing and tells no one.
 */
function decide<C extends string>(store: StoreInternals<C>, grant: (name: C) => boolean, action: ConsentAction) {
  const { policy, options } = store;
  const { signals, record: previous } = store.getSnapshot();
  const choices = Object.fromEntries(
    policy.categories.map(({ name, required }) => [name, required || grant(name)]),
  ) as Choices<C>;
  const names = policy.categoryNames;
  if (previous && names.every((name) => previous.choices[name] === choices[name])) {
    // Not a new decision, but the visitor's word: only one consent cookie may stand for it.
    consolidate(store);
    return;
  }
  const decidedAt = clock(store);
  const expiresAt = expiryOf(policy, decidedAt);
  const record: ConsentRecord<C> = {
    id: previous?.id ?? (options.createId ?? randomId)(),
    revision: policy.revision,
    choices,
    decidedAt: new Date(decidedAt).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    action: previous && names.some((name) => previous.choices[name] && !choices[name]) ? 'withdraw' : action,
    signals,
  };
  const value = encodeRecord(policy, record);
  keep(store, value, expiresAt - decidedAt);
  update(store, value);
  channel(store)?.post({ value });
  try {
    options.onDecision?.(Object.freeze({ ...record, ...store.recordContext }));
  } catch (error) {
    // The decision stands even when a logger fails; report without breaking the caller.
    console.error('react-consent-policy: onDecision threw', error);
  }
}

/** Drops a choice that has expired: the visitor is asked again. Called on every read of the store. */
export function expire<C extends string>(store: StoreInternals<C>): void {
  const { record } = store.current.snapshot;
  if (record && timeLeft(record, clock(store)) === 0) {
    store.current = store.stateOf(null);
    // Not during the read (a render may be reading): the subscribers hear of it right after.
    queueMicrotask(() => notify(store));
  }
}

/** Watches other tabs and the expiry of the current choice; returns the function that stops watching. */
export function watch<C extends string>(store: StoreInternals<C>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    const { record } = store.getSnapshot();
    if (record) {
      // A longer wait than a timer can take is re-armed when the timer fires.
      timer = setTimeout(
        () => {
          expire(store);
          arm();
        },
        Math.min(timeLeft(record, clock(store)), MAX_TIMER),
      );
    }
  };
  const stopListening = channel(store)?.listen((message) =>
    update(store, message.value === undefined ? store.read() : message.value),
  );
  store.afterNotify = arm;
  // Catch up on what happened while nobody listened (another tab, or the cookie after hydration).
  update(store, store.read());
  consolidate(store);
  arm();
  return () => {
    store.afterNotify = undefined;
    clearTimeout(timer);
    stopListening?.();
  };
}

export function acceptAll<C extends string>(store: StoreInternals<C>): void {
  // With a privacy signal on, "Accept all" leaves third-party categories off; only an explicit save grants them.
  const { gpc, dnt } = store.getSnapshot().signals;
  const withheld = new Set(
    store.policy.categories.filter((category) => (gpc || dnt) && category.thirdParty).map(({ name }) => name),
  );
  decide(store, (name) => !withheld.has(name), 'accept-all');
}

export function rejectAll<C extends string>(store: StoreInternals<C>): void {
  decide(store, () => false, 'reject-all');
}

export function save<C extends string>(store: StoreInternals<C>, partial: SomeCategories<C, boolean>): void {
  const { policy } = store;
  const given: Record<string, unknown> = { ...partial };
  if (process.env.NODE_ENV !== 'production') {
    for (const key in given) {
      if (!policy.categoryNames.includes(key as C))
        warn(`save() got "${key}", which is not a category of this policy; it was ignored.`);
    }
  }
  const base = store.getSnapshot();
  // Only a literal true grants: a malformed value fails closed. Own keys only: a category named like a
  // method of every object (`constructor`, `toString`) that the call does not name keeps its choice.
  const grant = (name: C) => (Object.hasOwn(given, name) ? given[name] === true : base.choices[name]);
  const custom = base.record || policy.categories.some((category) => !category.required && grant(category.name));
  decide(store, grant, custom ? 'custom' : 'reject-all');
}

/** Forgets the decision: the visitor is asked again. Not a decision: onDecision is not called. */
export function reset<C extends string>(store: StoreInternals<C>): void {
  keep(store, null, 0);
  if (update(store, null)) channel(store)?.post({ value: null });
}

/** Reads the stored consent and the privacy signals again. */
export function refresh<C extends string>(store: StoreInternals<C>): void {
  store.signals = store.readSignals();
  update(store, store.read());
}
