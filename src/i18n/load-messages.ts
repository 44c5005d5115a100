import type { PolicyTextSource, PolicyTexts } from '../core/policy-texts';
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
  sv: () => import('../../locales/sv/consent.json'),
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

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Texts per language: as they are, or a loader of each (a JSON file's `import()`). */
type TextSources<T> = { readonly [language: string]: PolicyTextSource<T> };

/** The texts per source and language, once at hand (a loader's, once it has resolved). */
const policyTexts = new WeakMap<object, Partial<Record<string, object | Promise<unknown>>>>();

/**
 * The texts of a language, once at hand; starts loading them when they come from a loader. Null while they
 * load, undefined when the source gives none for that language. For the shop's texts
 * (`<ConsentProvider texts>`), and for the library's details (`detail-texts.ts`), which load the same way.
 */
export function loadedTexts<T extends object = PolicyTexts>(
  texts: TextSources<T> | undefined,
  language: ConsentLanguage,
): T | null | undefined {
  const source = texts && Object.hasOwn(texts, language) ? texts[language] : undefined;
  if (source === undefined) return undefined;
  if (typeof source !== 'function') return source;
  const cache = policyTexts.get(texts as object) ?? {};
  policyTexts.set(texts as object, cache);
  const entry = cache[language];
  if (entry === undefined) {
    cache[language] = source().then(
      (module: unknown) => {
        // A module's default export, or the texts themselves; anything but an object reads as no texts, so
        // that the UI shows its stand-ins rather than waiting for ever.
        const texts = isObject(module) && 'default' in module ? module.default : module;
        cache[language] = isObject(texts) ? texts : {};
        uiChanged();
      },
      (error: unknown) => {
        // Rendering tries again; the error names the file that failed.
        delete cache[language];
        console.error(error);
      },
    );
  }
  return entry instanceof Promise || entry === undefined ? null : (entry as T);
}

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
