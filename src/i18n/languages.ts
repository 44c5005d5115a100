import type { PolicyTextSources } from '../core/policy-texts';

/** The languages the bundled locale files cover. */
export const CONSENT_LANGUAGES = ['fi', 'en', 'sv'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/** 'fi-FI' -> 'fi'; null for a language the locale files do not cover. */
export function supportedLanguage(value: unknown): ConsentLanguage | null {
  if (typeof value !== 'string') return null;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return (CONSENT_LANGUAGES as readonly string[]).includes(base ?? '') ? (base as ConsentLanguage) : null;
}

/**
 * The languages the consent UI offers: those of the library's that the shop's texts cover, or all of
 * them where the shop gives none (its words then come through its own i18next instance).
 */
export function offeredLanguages(texts: PolicyTextSources | undefined): readonly ConsentLanguage[] {
  const offered = texts ? CONSENT_LANGUAGES.filter((language) => Object.hasOwn(texts, language)) : [];
  return offered.length > 0 ? offered : CONSENT_LANGUAGES;
}

/**
 * The language shown, of those `offered`: `chosen` (the app's, or the visitor's pick) when given, else the
 * provider's `language` prop (English when unsupported), else the page's `<html lang>` (`browser` only), else
 * the first offered; English, else the first offered, in place of one not offered.
 */
export function languageShown(
  offered: readonly ConsentLanguage[],
  chosen: ConsentLanguage | undefined | null,
  language: string | undefined,
  browser: boolean,
): ConsentLanguage {
  const wanted =
    chosen ??
    (language === undefined
      ? (browser && supportedLanguage(document.documentElement.lang)) || offered[0]
      : (supportedLanguage(language) ?? 'en'));
  return (offered.find((candidate) => candidate === wanted) ??
    offered.find((c) => c === 'en') ??
    offered[0]) as ConsentLanguage;
}
