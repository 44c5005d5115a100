import type { ConsentRecord, PrivacySignals, RecordContext } from './consent-record';
import type { ConsentPersistence } from './persistence';
import type { Policy, SomeCategories } from './policy';
import type { SyncTransport } from './sync';

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
  /** Makes consent ids. Default: a random UUID v4 (`randomId`). */
  createId?: () => string;
}

/**
 * One visitor's consent. A store from `createConsentStore` applies every change before the call returns.
 * The store a `ConsentProvider` creates loads the code behind its changing methods when the consent is
 * first read, which arrives around the first commit; a call made before that code has arrived takes
 * effect, in order, once it has.
 */
export interface ConsentStore<C extends string = string> {
  readonly policy: Policy<C>;
  getSnapshot(): ConsentSnapshot<C>;
  /** The state the server rendered: from `serverValue`, with no privacy signals (a server cannot read them). */
  getServerSnapshot(): ConsentSnapshot<C>;
  subscribe(listener: () => void): () => void;
  acceptAll(): void;
  rejectAll(): void;
  /** Sets the named categories; the others keep their current state (off while undecided). */
  save(choices: SomeCategories<C, boolean>): void;
  /** Forgets the decision: the visitor is asked again. Not a decision: onDecision is not called. */
  reset(): void;
  /**
   * Reads the stored consent and the privacy signals again. The store follows other tabs and the expiry of
   * a choice by itself; this is for what it cannot hear of, such as a privacy setting changed in the browser.
   */
  refresh(): void;
  /** Sets what the visitor is being shown (language, hash of the policy text); added to later decisions' records. */
  setRecordContext(context: RecordContext): void;
}
