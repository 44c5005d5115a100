/** The languages the bundled locale files cover. */
export const CONSENT_LANGUAGES = ['fi', 'en', 'sv'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/** 'fi-FI' -> 'fi'; null for a language the locale files do not cover. */
export function supportedLanguage(value: unknown): ConsentLanguage | null {
  if (typeof value !== 'string') return null;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return (CONSENT_LANGUAGES as readonly string[]).includes(base ?? '') ? (base as ConsentLanguage) : null;
}
