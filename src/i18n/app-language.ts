import { useCallback, useSyncExternalStore } from 'react';
import { type ConsentLanguage, firstSupported } from './languages';

/** The part of an i18next instance read here; duck-typed so that the page's main chunk never imports i18next. */
export interface AppI18nLike {
  readonly isInitialized?: boolean;
  readonly language?: string;
  readonly resolvedLanguage?: string;
  readonly languages?: readonly string[];
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  getResource?(language: string, namespace: string, key: string): unknown;
}

export function isAppI18n(value: unknown): value is AppI18nLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppI18nLike).on === 'function' &&
    typeof (value as AppI18nLike).off === 'function' &&
    typeof (value as { getFixedT?: unknown }).getFixedT === 'function'
  );
}

/** The language of the app's i18next instance that the locale files cover; null before it is initialized. */
export function appLanguage(app: AppI18nLike | undefined): ConsentLanguage | null {
  if (!app?.isInitialized) return null;
  return firstSupported([app.resolvedLanguage, app.language, ...(app.languages ?? [])]) ?? 'en';
}

/** `appLanguage`, re-read whenever the app changes its language or finishes initializing. */
export function useAppLanguage(app: AppI18nLike | undefined): ConsentLanguage | null {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!app) return () => {};
      app.on('languageChanged', listener);
      app.on('initialized', listener);
      return () => {
        app.off('languageChanged', listener);
        app.off('initialized', listener);
      };
    },
    [app],
  );
  const read = () => appLanguage(app);
  return useSyncExternalStore(subscribe, read, read);
}
