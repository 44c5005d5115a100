import type { ConsentLanguage } from './languages';
import type { BannerMessages } from './resources';

/**
 * The banner's locale files (`locales/<language>/consent.json`), one chunk per language, loaded on demand:
 * a visitor downloads the texts of the language shown only, and only what the banner shows (the rest is in
 * `detail-texts`, with the dialog and the policy page). No i18next here: the banner's wrapper starts the
 * load together with the banner.
 */
const loaders: Readonly<Record<ConsentLanguage, () => Promise<{ default: unknown }>>> = {
  fi: () => import('../../locales/fi/consent.json'),
  en: () => import('../../locales/en/consent.json'),
};

const loaded: Partial<Record<ConsentLanguage, BannerMessages>> = {};
const pending: Partial<Record<ConsentLanguage, Promise<BannerMessages>>> = {};
const listeners = new Set<() => void>();
let version = 0;

/** The texts of a language once loaded; undefined before. */
export function loadedMessages(language: ConsentLanguage): BannerMessages | undefined {
  return loaded[language];
}

/** Loads a language's texts (once; a failed load may be retried). */
export function loadMessages(language: ConsentLanguage): Promise<BannerMessages> {
  pending[language] ??= loaders[language]().then(
    (module) => {
      const messages = module.default as BannerMessages;
      loaded[language] = messages;
      version++;
      for (const listener of [...listeners]) listener();
      return messages;
    },
    (error: unknown) => {
      delete pending[language];
      throw error;
    },
  );
  return pending[language];
}

/** Starts loading a language's texts without waiting (the banner's wrapper, a language switch on hover). */
export function preloadMessages(language: ConsentLanguage): void {
  void loadMessages(language).catch(() => {
    // Rendering tries again.
  });
}

/** For useSyncExternalStore: changes whenever a language finishes loading. */
export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function messagesVersion(): number {
  return version;
}
