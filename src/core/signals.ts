import type { PrivacySignals } from './consent-record';

export const NO_SIGNALS: PrivacySignals = Object.freeze({ gpc: false, dnt: false });

interface SignalSource {
  globalPrivacyControl?: unknown;
  doNotTrack?: unknown;
  msDoNotTrack?: unknown;
}

/**
 * Reads Global Privacy Control and Do Not Track from the browser, now (never cached). Returns no signals
 * where there is no browser. A signal only ever restricts: nothing here can grant a category.
 */
export function readPrivacySignals(): PrivacySignals {
  try {
    const nav = globalThis.navigator as SignalSource | undefined;
    const win = globalThis as SignalSource;
    const gpc = nav?.globalPrivacyControl === true;
    // '1' is the standard value; old Firefox sent 'yes'. '0', 'unspecified' and null never count.
    const dnt = [nav?.doNotTrack, win.doNotTrack, nav?.msDoNotTrack, win.msDoNotTrack].some(
      (value) => value === '1' || value === 'yes',
    );
    return gpc || dnt ? Object.freeze({ gpc, dnt }) : NO_SIGNALS;
  } catch {
    return NO_SIGNALS;
  }
}
