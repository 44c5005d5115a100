import { useContext, useSyncExternalStore } from 'react';
import { ConsentLanguageContext, useConsentContext } from '../react/consent-context';
import { type AppI18nLike, isAppI18n, useAppLanguage } from './app-language';
import { type LanguageChoice, languageChoiceFor, libraryLanguage } from './language-state';
import type { ConsentLanguage } from './languages';

const noSubscribe = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * The language the consent UI shows, known without i18next: the app's instance when given to the
 * provider (or, from the UI's chunks, found in react-i18next's context: `fromContext`) once initialized,
 * else the library's language (the visitor's pick, the provider's `language`, `<html lang>`). One
 * resolution for the wrappers in the page's main chunk and for the texts in the UI's chunks.
 */
export function useExpectedLanguage(
  caller: string,
  fromContext?: unknown,
): {
  lang: ConsentLanguage;
  /** The app's i18next instance, initialized or not. */
  app: AppI18nLike | undefined;
  /** True once `app` is initialized: only then does it show (and take) the texts. */
  appReady: boolean;
  choice: LanguageChoice;
  /** The provider's `language` prop. */
  language: string | undefined;
} {
  const { store } = useConsentContext(caller);
  const { language, i18n } = useContext(ConsentLanguageContext);
  const candidate = i18n ?? fromContext;
  const app = isAppI18n(candidate) ? candidate : undefined;
  const fromApp = useAppLanguage(app);
  const choice = languageChoiceFor(store);
  useSyncExternalStore(choice.subscribe, choice.version, choice.version);
  const browser = useSyncExternalStore(noSubscribe, inBrowser, onServer);
  return {
    lang: fromApp ?? libraryLanguage(choice, language, browser),
    app,
    appReady: fromApp !== null,
    choice,
    language,
  };
}
