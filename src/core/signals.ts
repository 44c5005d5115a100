import type { PrivacySignals } from './consent-record';

export const NO_SIGNALS: PrivacySignals = Object.freeze({ gpc: false, dnt: false });

/**
 * Reads Global Privacy Control and Do Not Track from the browser, now (never cached). Returns no signals
 * where there is no browser. A signal only ever restricts: nothing here can grant a category.
 *
 * Only `navigator.doNotTrack === '1'` counts as Do Not Track. The older spellings (`window.doNotTrack`,
 * `msDoNotTrack`, Firefox's 'yes') belong to browsers that cannot run this ES2022 code at all.
 * '0', 'unspecified' and null are no signal.
 */
export function readPrivacySignals(): PrivacySignals {
  try {
    const nav = globalThis.navigator as { globalPrivacyControl?: unknown; doNotTrack?: unknown } | undefined;
    const gpc = nav?.globalPrivacyControl === true;
    const dnt = nav?.doNotTrack === '1';
    return Object.freeze({ gpc, dnt });
  } catch {
    return NO_SIGNALS;
  }
}
