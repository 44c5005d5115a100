import * as changes from './consent-changes';
import type { PrivacySignals } from './consent-record';
import type { ConsentStore, ConsentStoreOptions } from './consent-store-types';
import { createStore } from './create-store';
import type { Policy } from './policy';

/**
 * The consent state of one visitor, framework-free. Reads the stored choice when created (and again when
 * its first subscriber arrives, to catch up), writes each decision to its storage (the consent cookie by
 * default), tells other tabs, and notifies subscribers only on real change. Every action takes effect
 * before it returns.
 */
export function createConsentStore<C extends string>(
  policy: Policy<C>,
  options: ConsentStoreOptions<C> = {},
): ConsentStore<C> {
  const { signals } = options;
  let readSignals: (() => PrivacySignals) | undefined;
  if (typeof signals === 'function') readSignals = signals;
  else if (signals) {
    const given = Object.freeze({ gpc: signals.gpc === true, dnt: signals.dnt === true });
    readSignals = () => given;
  }
  return createStore(policy, { ...options, signals: readSignals }, () => changes);
}
