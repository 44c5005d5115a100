import { createInstance, type i18n as I18n } from 'i18next';
import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { I18nContext } from 'react-i18next';
import { ConsentLanguageContext, useConsentContext } from '../react/consent-context';
import { isAppI18n, useAppLanguage } from './app-language';
import { languageChoiceFor, libraryLanguage } from './language-state';
import { CONSENT_LANGUAGES, type ConsentLanguage } from './languages';
import { loadedMessages, loadMessages, messagesVersion, subscribeMessages } from './load-messages';
import { CONSENT_NAMESPACE, type ConsentKey, type ConsentMessages } from './resources';

/** What a consent UI component needs to show text. */
export interface ConsentText {
  /** The language of the text shown: put it on the component's root as `lang`. */
  readonly lang: ConsentLanguage;
  /** A text of the locale files, in `lang`. */
  readonly t: (key: ConsentKey, values?: Record<string, unknown>) => string;
  /**
   * A text whose key comes from the policy, e.g. `['storage', '_ga']` or `['categories', name, 'name']`;
   * `fallback` when the locale files have none. Names are looked up as they are, dots included.
   */
  readonly tPolicy: (path: readonly string[], fallback: string) => string;
  /** The i18next instance the texts come from (the app's, or the library's own). */
  readonly i18n: I18n;
  /** True when the library owns the language (no i18next instance of the app's): the banner shows a switch. */
  readonly ownsLanguage: boolean;
  /** Switches the language when the library owns it; does nothing otherwise. */
  readonly setLanguage: (language: ConsentLanguage) => void;
}

let privateInstance: I18n | null = null;

/** The library's own i18next instance, for apps that have none; each language's texts join it once loaded. */
function getPrivateInstance(): I18n {
  if (!privateInstance) {
    const instance = createInstance({
      resources: {},
      lng: CONSENT_LANGUAGES[0],
      fallbackLng: false,
      ns: [CONSENT_NAMESPACE],
      defaultNS: CONSENT_NAMESPACE,
      // React escapes every text it renders; i18next escaping on top would show entities.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    void instance.init();
    privateInstance = instance;
  }
  return privateInstance;
}

const added = new WeakMap<I18n, Set<ConsentLanguage>>();

/**
 * Adds a language's bundled texts to an instance as the `consent` namespace, once, deep and without
 * overwriting: keys an app already has in that namespace (its own wording) win.
 */
function addTexts(instance: I18n, language: ConsentLanguage, messages: ConsentMessages): void {
  let languages = added.get(instance);
  if (!languages) {
    languages = new Set();
    added.set(instance, languages);
  }
  if (languages.has(language)) return;
  instance.addResourceBundle(language, CONSENT_NAMESPACE, messages, true, false);
  languages.add(language);
}

const noSubscribe = () => () => {};

/**
 * The texts of the consent UI in the language shown, or null while that language's texts load. Uses the
 * app's i18next instance when it has one (the provider's `i18n` prop, else react-i18next's context) and
 * follows its language; otherwise a private instance, in the provider's `language` (or the visitor's pick).
 */
export function useConsentText(caller: string): ConsentText | null {
  const { store } = useConsentContext(caller);
  const { language: propLanguage, i18n: propI18n } = useContext(ConsentLanguageContext);
  const fromContext = useContext(I18nContext) as { i18n?: unknown } | undefined;
  const candidate = propI18n ?? fromContext?.i18n;
  const appCandidate = isAppI18n(candidate) ? (candidate as unknown as I18n) : undefined;
  const appLanguage = useAppLanguage(appCandidate);
  // An app instance that is not initialized yet cannot take our texts: the library's own serves meanwhile.
  const app = appLanguage === null ? undefined : appCandidate;

  const choice = languageChoiceFor(store);
  useSyncExternalStore(choice.subscribe, choice.version, choice.version);
  useSyncExternalStore(subscribeMessages, messagesVersion, messagesVersion);
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const wanted: ConsentLanguage = app && appLanguage ? appLanguage : libraryLanguage(choice, propLanguage, inBrowser);
  // While another language loads, the one shown stays (its lang with it); null only before the first.
  const lang = loadedMessages(wanted) ? wanted : CONSENT_LANGUAGES.find((language) => loadedMessages(language));
  const messages = lang ? loadedMessages(lang) : undefined;

  useEffect(() => {
    if (!loadedMessages(wanted)) void loadMessages(wanted).catch(() => {});
  }, [wanted]);

  const instance = app ?? getPrivateInstance();
  if (lang && messages) addTexts(instance, lang, messages);
  const ownsLanguage = appCandidate === undefined;

  return useMemo(() => {
    if (!lang) return null;
    const fixedT = instance.getFixedT(lang, CONSENT_NAMESPACE);
    const translate = fixedT as unknown as (key: string, options?: Record<string, unknown>) => unknown;
    const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
    return {
      lang,
      i18n: instance,
      ownsLanguage,
      // The app's instance may escape interpolated values; React escapes what it renders, so never twice.
      t: (key, values) => text(translate(key, { ...values, interpolation: { escapeValue: false } }), key),
      tPolicy: (path, fallback) => {
        const [section, ...rest] = path;
        let node: unknown = section === undefined ? undefined : instance.getResource(lang, CONSENT_NAMESPACE, section);
        for (const part of rest) {
          node =
            typeof node === 'object' && node !== null && Object.hasOwn(node, part)
              ? (node as Record<string, unknown>)[part]
              : undefined;
        }
        return text(node, fallback);
      },
      setLanguage: (language) => {
        if (!ownsLanguage) return;
        choice.set(language, propLanguage);
        void loadMessages(language).catch(() => {});
      },
    } satisfies ConsentText;
  }, [instance, lang, ownsLanguage, choice, propLanguage]);
}
