import type { i18n as I18n } from 'i18next';
import { useContext, useMemo } from 'react';
import { I18nContext } from 'react-i18next';
import { addTexts, type ConsentText, consentText, privateInstance } from '../../../i18n/consent-text';
import type { ConsentLanguage } from '../../../i18n/languages';
import type { DetailMessages } from '../../../i18n/resources';
import type { UiKit } from '../../first-load/panel-contract';
import { useRecordContext } from './use-record-context';

/**
 * The texts of the consent UI in the language shown, or null while that language's texts load: the
 * banner's file, plus `details` for the dialog and the policy page. Uses the app's i18next instance when it
 * has one (the provider's `i18n` prop, else react-i18next's context) and follows its language; otherwise the
 * library's own instance, in the provider's `language` (or the visitor's pick). Every decision's record says
 * which texts were shown (`useRecordContext`). The language and its texts come through the panel's `kit`,
 * which the page's main chunk hands over, so that this chunk shares no module with it.
 */
export function useConsentText(
  { useShownLanguage, loadedMessages, preloadMessages, pickLanguage, languages }: UiKit,
  caller: string,
  details?: Readonly<Record<ConsentLanguage, DetailMessages>>,
): ConsentText | null {
  const fromContext = (useContext(I18nContext) as { i18n?: unknown } | undefined)?.i18n;
  const { lang: wanted, app: appCandidate, appReady, store, language } = useShownLanguage(caller, fromContext);
  // An app instance that is not initialized yet cannot take our texts: the library's own serves meanwhile.
  const app = appReady ? (appCandidate as unknown as I18n) : undefined;
  // While another language loads, the one shown stays (its lang with it); null only before the first.
  const lang = loadedMessages(wanted) ? wanted : languages.find((language) => loadedMessages(language));
  // Started during render, as the wrappers do: the load is idempotent, and begins one commit sooner.
  preloadMessages(wanted);

  const instance = app ?? privateInstance(languages[0]);
  if (lang) {
    addTexts(instance, lang, loadedMessages(lang) as object);
    if (details) addTexts(instance, lang, details[lang]);
  }
  const ownsLanguage = !appCandidate;

  const text = useMemo(
    () =>
      lang
        ? consentText(instance, lang, {
            ownsLanguage,
            setLanguage: (next) => {
              pickLanguage(store, next, language);
              preloadMessages(next);
            },
          })
        : null,
    [instance, lang, ownsLanguage, store, language, pickLanguage, preloadMessages],
  );
  useRecordContext(store, text);
  return text;
}
