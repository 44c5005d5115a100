import type { PrivacySignals } from './consent-record';

export const NO_SIGNALS: PrivacySignals = Object.freeze({ gpc: false, dnt: false });

interface SignalSource {
  globalPrivacyControl?: unknown;
  doNotTrack?: unknown;
  msDoNotTrack?: unknown;
}

function dntOn(value: unknown): boolean {
  // '1' is the standard value; old Firefox sent 'yes'. '0', 'unspecified' and null never count.
  return value === '1' || value === 'yes';
}

/**
 * Reads Global Privacy Control and Do Not Track from the browser, now (never cached). Returns no signals
 * where there is no browser. A signal only ever restricts: nothing here can grant a category.
 */
export function readPrivacySignals(): PrivacySignals {
  try {
    const nav = (typeof navigator === 'undefined' ? undefined : navigator) as SignalSource | undefined;
    const win = (typeof window === 'undefined' ? undefined : window) as SignalSource | undefined;
    const gpc = nav?.globalPrivacyControl === true;
    const dnt =
      dntOn(nav?.doNotTrack) || dntOn(win?.doNotTrack) || dntOn(nav?.msDoNotTrack) || dntOn(win?.msDoNotTrack);
    return gpc || dnt ? Object.freeze({ gpc, dnt }) : NO_SIGNALS;
  } catch {
    return NO_SIGNALS;
  }
}
