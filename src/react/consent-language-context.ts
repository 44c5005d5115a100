import { createContext } from 'react';

/** The language settings given to the provider, kept apart so that a language change re-renders only text. */
export interface ConsentLanguageValue {
  /** 'fi' or 'en' when the library owns the language. */
  readonly language: string | undefined;
  /** The app's i18next instance, when it passed one. */
  readonly i18n: object | undefined;
}

export const ConsentLanguageContext = createContext<ConsentLanguageValue>({ language: undefined, i18n: undefined });
