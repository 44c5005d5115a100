import type { PrivacySignals, RecordContext } from './consent-record';
import type { ConsentSnapshot, ConsentStoreOptions } from './consent-store-types';
import type { Policy } from './policy';
import type { SyncTransport } from './sync';

/** A store's options, with the privacy signals given always as a function (`createConsentStore` makes it one). */
export type StoreOptions<C extends string> = Omit<ConsentStoreOptions<C>, 'signals'> & {
  signals?: () => PrivacySignals;
};

/** A snapshot is identified by the encoded value it came from and the signals; equal keys, same object. */
export interface StoreState<C extends string> {
  readonly key: string;
  readonly snapshot: ConsentSnapshot<C>;
}

/**
 * What a store shares with the code that changes it (`consent-changes.ts`): the store reads, the changes
 * write. Not public: the store's methods are the public way in.
 */
export interface StoreInternals<C extends string> {
  readonly policy: Policy<C>;
  readonly options: StoreOptions<C>;
  /** The store's subscribers; the changes tell them (then `afterNotify`) when `current` changed. */
  readonly listeners: Set<() => void>;
  /**
   * Where the consent lives once the storage has failed (it threw, or dropped a write): `active` then, and
   * `value` is the consent. Where there is no document (a server) and no storage was given, from the start.
   */
  readonly memory: { active: boolean; value: string | null };
  /** The cross-tab channel once the changes have set it up; null when there is none (`sync: false`). */
  transport?: SyncTransport | null;
  /** Called after every change the subscribers are told of (the expiry timer re-arms itself with it). */
  afterNotify?: () => void;
  /** What the visitor is being shown, once the UI has said (see `setRecordContext`). */
  recordContext?: RecordContext;
  /** The privacy signals, as read when the store was created or last refreshed. */
  signals: PrivacySignals;
  /** Reads the privacy signals (the ones given, else the browser's). */
  readonly readSignals: () => PrivacySignals;
  /** The state now: its snapshot, and the key that tells whether a new one differs. */
  current: StoreState<C>;
  /** The encoded value stored now (what is in memory once the storage has failed). */
  read(): string | null;
  /** The state of an encoded value, at the store's time and signals. */
  stateOf(value: string | null): StoreState<C>;
  getSnapshot(): ConsentSnapshot<C>;
}
