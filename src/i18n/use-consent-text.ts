import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { I18nContext } from 'react-i18next';
import { ConsentLanguageContext, useConsentContext } from '../react/consent-context';
import { isAppI18n, useAppLanguage } from './app-language';
import { languageChoiceFor, libraryLanguage } from './language-state';
import { CONSENT_LANGUAGES, type ConsentLanguage } from './languages';
import { CONSENT_NAMESPACE, type ConsentKey, consentResources } from './resources';

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
  /** The i18next function behind `t`, for `<Trans>`. */
  readonly fixedT: TFunction;
  readonly i18n: I18n;
  /** True when the library owns the language (no i18next instance of the app's): the banner shows a switch. */
  readonly ownsLanguage: boolean;
  /** Switches the language when the library owns it; does nothing otherwise. */
  readonly setLanguage: (language: ConsentLanguage) => void;
}

let privateInstance: I18n | null = null;

/** The library's own i18next instance, with the bundled texts, for apps that have none. */
function getPrivateInstance(): I18n {
  if (!privateInstance) {
    const instance = createInstance({
      resources: Object.fromEntries(
        CONSENT_LANGUAGES.map((language) => [language, { [CONSENT_NAMESPACE]: consentResources[language] }]),
      ),
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

const extended = new WeakSet<I18n>();

/**
 * Adds the bundled texts to the app's instance as the `consent` namespace, once, deep and without
 * overwriting: keys the app already has in that namespace (its own wording) win.
 */
function addBundledTexts(app: I18n): boolean {
  if (extended.has(app)) return true;
  if (!app.isInitialized || typeof app.addResourceBundle !== 'function') return false;
  for (const language of CONSENT_LANGUAGES) {
    app.addResourceBundle(language, CONSENT_NAMESPACE, consentResources[language], true, false);
  }
  extended.add(app);
  return true;
}

const noSubscribe = () => () => {};

/**
 * The texts of the consent UI in the language shown. Uses the app's i18next instance when it has one
 * (the provider's `i18n` prop, else react-i18next's context) and follows its language; otherwise a private
 * instance, in the provider's `language` (or the one the visitor picked in the banner).
 */
export function useConsentText(caller: string): ConsentText {
  const { store } = useConsentContext(caller);
  const { language: propLanguage, i18n: propI18n } = useContext(ConsentLanguageContext);
  const fromContext = useContext(I18nContext) as { i18n?: unknown } | undefined;
  const candidate = propI18n ?? fromContext?.i18n;
  const app = isAppI18n(candidate) ? (candidate as unknown as I18n) : undefined;

  const appLanguage = useAppLanguage(app);
  const useApp = app !== undefined && appLanguage !== null && addBundledTexts(app);

  const choice = languageChoiceFor(store);
  useSyncExternalStore(choice.subscribe, choice.version, choice.version);
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const lang: ConsentLanguage = useApp ? appLanguage : libraryLanguage(choice, propLanguage, inBrowser);
  const i18n = useApp ? app : getPrivateInstance();
  const ownsLanguage = app === undefined;

  return useMemo(() => {
    const fixedT = i18n.getFixedT(lang, CONSENT_NAMESPACE);
    const translate = fixedT as unknown as (key: string, options?: Record<string, unknown>) => unknown;
    const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
    return {
      lang,
      i18n,
      fixedT,
      ownsLanguage,
      // The app's instance may escape interpolated values; React escapes what it renders, so never twice.
      t: (key, values) => text(translate(key, { ...values, interpolation: { escapeValue: false } }), key),
      tPolicy: (path, fallback) => {
        const [section, ...rest] = path;
        let node: unknown = section === undefined ? undefined : i18n.getResource(lang, CONSENT_NAMESPACE, section);
        for (const part of rest) {
          node =
            typeof node === 'object' && node !== null && Object.hasOwn(node, part)
              ? (node as Record<string, unknown>)[part]
              : undefined;
        }
        return text(node, fallback);
      },
      setLanguage: (language) => {
        if (ownsLanguage) choice.set(language, propLanguage);
      },
    };
  }, [i18n, lang, ownsLanguage, choice, propLanguage]);
}
