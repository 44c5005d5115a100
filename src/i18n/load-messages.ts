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
const pending: Partial<Record<ConsentLanguage, Promise<unknown>>> = {};
const listeners = new Set<() => void>();
let version = 0;

/**
 * Tells the consent UI that something it reads changed: a language's texts or a part's code arrived, or a
 * visitor picked a language. One signal for all, so that a component subscribes once.
 */
export function uiChanged(): void {
  version++;
  for (const listener of [...listeners]) listener();
}

/** For useSyncExternalStore: `uiChanged` calls the listeners. */
export function subscribeUi(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const uiVersion = (): number => version;

/** The texts of a language once loaded; undefined before. */
export const loadedMessages = (language: ConsentLanguage): BannerMessages | undefined => loaded[language];

/** Starts loading a language's texts, once (a failed load may be retried on the next render). */
export function preloadMessages(language: ConsentLanguage): void {
  pending[language] ??= loaders[language]().then(
    (module) => {
      loaded[language] = module.default as BannerMessages;
      uiChanged();
    },
    () => {
      // Rendering tries again.
      delete pending[language];
    },
  );
}
