import { lazy } from 'react';

type Loader<T> = () => Promise<T>;

/** One import per part; a failed load (a network error) may be retried on the next render. */
function once<T>(load: Loader<T>): Loader<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

export const loadBanner = /* @__PURE__ */ once(() => import('./banner/consent-banner-panel'));
export const loadPreferencesDialog = /* @__PURE__ */ once(() => import('./dialog/preferences-dialog-panel'));
export const loadCookiePolicy = /* @__PURE__ */ once(() => import('./policy/cookie-policy-page'));

export const LazyBanner = /* @__PURE__ */ lazy(loadBanner);
export const LazyPreferencesDialog = /* @__PURE__ */ lazy(loadPreferencesDialog);
export const LazyCookiePolicy = /* @__PURE__ */ lazy(loadCookiePolicy);

/** Starts loading the preferences dialog (on hover or focus of a settings control), so it opens at once. */
export function preloadPreferencesDialog(): void {
  void loadPreferencesDialog().catch(() => {
    // Opening tries again.
  });
}
