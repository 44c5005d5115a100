import { useCallback, useSyncExternalStore } from 'react';
import { type ConsentLanguage, languageShown, offeredLanguages, supportedLanguage } from '../../i18n/languages';
import { subscribeUi, uiChanged, uiVersion } from '../../i18n/load-messages';
import { type ConsentContextValue, useConsentContext } from '../../react/consent-context';

/** The part of an i18next instance read here; duck-typed so that the page's main chunk never imports i18next. */
export interface AppI18nLike {
  readonly isInitialized?: boolean;
  readonly language?: string;
  readonly resolvedLanguage?: string;
  readonly languages?: readonly string[];
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
  getResource?(language: string, namespace: string, key: string): unknown;
  getFixedT?: unknown;
}

/**
 * The language each provider's visitor picked with the banner's switch, keyed by its store, with the
 * provider's `language` prop at the time: the pick holds while the prop stays what it was; when the app
 * changes the prop, the app wins.
 */
const picks = new WeakMap<object, readonly [ConsentLanguage, string | undefined]>();

/** Switches the language shown by one provider's UI (when the library owns the language). */
export function pickLanguage(store: object, language: ConsentLanguage, propLanguage: string | undefined): void {
  picks.set(store, [language, propLanguage]);
  uiChanged();
}

/** The language of the app's i18next instance that the locale files cover; null before it is initialized. */
export function appLanguage(app: AppI18nLike | undefined): ConsentLanguage | null {
  if (!app?.isInitialized) return null;
  for (const candidate of [app.resolvedLanguage, app.language, ...(app.languages ?? [])]) {
    const language = supportedLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}

/**
 * The language the consent UI shows, known without i18next: the app's instance when given to the
 * provider (or, from the UI's chunks, found in react-i18next's context: `fromContext`) once initialized,
 * else the library's language: the visitor's pick, else the provider's `language` prop (English when
 * unsupported), else the page's `<html lang>` (browser only), else the first language offered. Only a
 * language the shop's texts cover is shown (English, else the first of theirs, in place of another). One
 * resolution for the wrappers in the page's main chunk and for the texts in the UI's chunks.
 */
export function useShownLanguage(
  caller: string,
  fromContext?: unknown,
): {
  lang: ConsentLanguage;
  /** The app's i18next instance, initialized or not. */
  app: AppI18nLike | undefined;
  /** True once `app` is initialized: only then does it show (and take) the texts. */
  appReady: boolean;
  store: ConsentContextValue['store'];
  /** The provider's `language` prop. */
  language: string | undefined;
  /** The languages offered: those the shop's texts cover. */
  offered: readonly ConsentLanguage[];
  /** The provider's `texts`. */
  texts: ConsentContextValue['texts'];
} {
  const { store, language, i18n, texts } = useConsentContext(caller);
  const offered = offeredLanguages(texts);
  const candidate = (i18n ?? fromContext) as AppI18nLike | undefined;
  const app = typeof candidate?.getFixedT === 'function' ? candidate : undefined;
  // Re-read whenever the app changes its language or finishes initializing, a visitor picks one or texts arrive.
  const subscribe = useCallback(
    (listener: () => void) => {
      const off = subscribeUi(listener);
      app?.on('languageChanged', listener);
      app?.on('initialized', listener);
      return () => {
        off();
        app?.off('languageChanged', listener);
        app?.off('initialized', listener);
      };
    },
    [app],
  );
  // The server's snapshot (also while hydrating) says so, so that `<html lang>` is read in a browser only.
  const browser =
    useSyncExternalStore(
      subscribe,
      () => `${uiVersion()}${appLanguage(app)}`,
      () => `-${appLanguage(app)}`,
    )[0] !== '-';
  const fromApp = appLanguage(app);
  const pick = picks.get(store);
  const lang = languageShown(offered, fromApp ?? (pick?.[1] === language ? pick?.[0] : undefined), language, browser);
  return { lang, app, appReady: !!fromApp, store, language, offered, texts };
}
