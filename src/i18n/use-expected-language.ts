import { useContext, useSyncExternalStore } from 'react';
import { ConsentLanguageContext, useConsentContext } from '../react/consent-context';
import { isAppI18n, useAppLanguage } from './app-language';
import { languageChoiceFor, libraryLanguage } from './language-state';
import type { ConsentLanguage } from './languages';

const noSubscribe = () => () => {};

/**
 * The language the consent UI shows, known without i18next: the app's instance when given to the
 * provider, else the library's language (the visitor's pick, the provider's `language`, `<html lang>`).
 * An instance found only in react-i18next's context is read inside the UI chunks.
 */
export function useExpectedLanguage(caller: string): { lang: ConsentLanguage; app: ReturnType<typeof asApp> } {
  const { store } = useConsentContext(caller);
  const { language, i18n } = useContext(ConsentLanguageContext);
  const app = asApp(i18n);
  const fromApp = useAppLanguage(app);
  const choice = languageChoiceFor(store);
  useSyncExternalStore(choice.subscribe, choice.version, choice.version);
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  return { lang: fromApp ?? libraryLanguage(choice, language, inBrowser), app };
}

function asApp(value: unknown) {
  return isAppI18n(value) ? value : undefined;
}
