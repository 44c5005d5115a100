import { consentCookieValue } from '../core/consent-record';
import type { Policy } from '../core/policy';
import type { PolicyTextSources } from '../core/policy-texts';
import { languageShown, offeredLanguages } from '../i18n/languages';

/** One chunk of a Vite build manifest (`build.manifest: true`, written to `.vite/manifest.json`). */
export interface ManifestChunk {
  /** The chunk's file, relative to the build's output directory. */
  readonly file: string;
  /** The manifest keys of the chunks it imports statically. */
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
}

/** A Vite build manifest, as parsed JSON: chunks keyed by their source's path from the project's root. */
export type BuildManifest = Readonly<Record<string, ManifestChunk>>;

export interface BannerPreloadOptions {
  /** The request's `Cookie` header: a visitor with a valid consent cookie gets no hints. */
  cookieHeader: string | null | undefined;
  /** The manifest of the shop's client build. */
  manifest: BuildManifest;
  /** The language the page is in, as given to `<ConsentProvider language>`. */
  language?: string;
  /** The shop's texts, as given to `<ConsentProvider texts>`: which languages the banner offers. */
  texts?: PolicyTextSources;
  /**
   * The manifest keys of the shop's own texts per language, where they are a module of their own (a JSON
   * file that `definePolicyTexts` imports): `{ fi: 'src/locales/fi/shop-policy.json', … }`.
   */
  textModules?: Readonly<Record<string, string>>;
  /** The build's public base path (Vite's `base`). Default '/'. */
  base?: string;
}

/**
 * The package's modules the banner needs before it can show, by their path in the package: its code, the
 * text layer it shows its words with, the provider's runtime that records a choice (what
 * `preloadConsentBanner` starts in a browser), and the library's words in the language shown.
 */
const BANNER_MODULES = [
  'ui/panels/banner/consent-banner-panel',
  'ui/panels/shared/text-layer',
  'react/provider-runtime',
];
const wordsModule = (language: string) => `locales/${language}/consent`;
const PACKAGE = 'react-consent-policy/dist/';

/**
 * The files a server-rendered page can ask the browser to fetch at once, as `<link rel="modulepreload"
 * crossorigin href="…">` in its `<head>` (`crossorigin`, as on the module scripts Vite writes), for a visitor with no valid consent cookie: the banner's code and words then
 * download beside the page's own scripts, before any of them has run. A visitor who has decided gets none
 * (and downloads no banner code). From the manifest of a Vite build (`build.manifest: true`): each module's
 * file and the files it imports, but not the page's entries, which the page loads anyway. A manifest that
 * does not hold the banner (a build that never renders it) yields no hints.
 */
export function bannerPreloadHrefs(policy: Policy, options: BannerPreloadOptions): string[] {
  const { cookieHeader, manifest, language, texts, textModules } = options;
  const base = typeof options.base === 'string' ? options.base : '/';
  if (consentCookieValue(policy, cookieHeader, Date.now()) !== null) return [];
  if (typeof manifest !== 'object' || manifest === null) return [];
  const lang = languageShown(offeredLanguages(texts), undefined, language, false);
  const wanted = [...BANNER_MODULES, wordsModule(lang)].map((path) => PACKAGE + path);
  const starts = Object.keys(manifest).filter((key) => {
    const module = key.replace(/\.(?:[cm]?js|json)$/, '');
    return wanted.some((path) => module === path || module.endsWith(`/${path}`));
  });
  const own = textModules && Object.hasOwn(textModules, lang) ? textModules[lang] : undefined;
  if (typeof own === 'string' && Object.hasOwn(manifest, own)) starts.push(own);

  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !Object.hasOwn(manifest, key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (typeof chunk !== 'object' || chunk === null || chunk.isEntry === true) return;
    if (typeof chunk.file === 'string' && chunk.file.endsWith('.js')) files.add(chunk.file);
    if (Array.isArray(chunk.imports)) for (const next of chunk.imports) if (typeof next === 'string') visit(next);
  };
  for (const key of starts) visit(key);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [...files].map((file) => prefix + file);
}
