import { type ConsentLanguage, DEFAULT_LANGUAGE, supportedLanguage } from './languages';

/**
 * The language the visitor picked with the banner's language switch, per provider, when the library owns
 * the language. The choice holds while the provider's `language` prop stays what it was when the visitor
 * picked; when the app changes the prop, the app wins. No i18next here: the settings button reads it too.
 */
export interface LanguageChoice {
  get(propLanguage: string | undefined): ConsentLanguage | null;
  set(language: ConsentLanguage, propLanguage: string | undefined): void;
  subscribe(listener: () => void): () => void;
  /** Version number that changes with every choice (for useSyncExternalStore). */
  version(): number;
}

const choices = new WeakMap<object, LanguageChoice>();

function createLanguageChoice(): LanguageChoice {
  let chosen: { language: ConsentLanguage; prop: string | undefined } | null = null;
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    get: (propLanguage) => (chosen && chosen.prop === propLanguage ? chosen.language : null),
    set(language, propLanguage) {
      chosen = { language, prop: propLanguage };
      version++;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    version: () => version,
  };
}

/** The language choice of one provider, keyed by its store. */
export function languageChoiceFor(key: object): LanguageChoice {
  let choice = choices.get(key);
  if (!choice) {
    choice = createLanguageChoice();
    choices.set(key, choice);
  }
  return choice;
}

/** The `lang` of the page, read in a browser only. */
export function documentLanguage(): ConsentLanguage | null {
  return typeof document === 'undefined' ? null : supportedLanguage(document.documentElement.lang);
}

/**
 * The language shown when the library owns it: the visitor's pick, else the provider's `language` prop,
 * else the page's `<html lang>` (browser only), else Finnish. An unsupported prop falls back to English.
 */
export function libraryLanguage(
  choice: LanguageChoice,
  propLanguage: string | undefined,
  inBrowser: boolean,
): ConsentLanguage {
  const picked = choice.get(propLanguage);
  if (picked) return picked;
  if (propLanguage !== undefined) return supportedLanguage(propLanguage) ?? 'en';
  return (inBrowser ? documentLanguage() : null) ?? DEFAULT_LANGUAGE;
}
