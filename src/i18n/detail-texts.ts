import type { ConsentLanguage } from './languages';
import type { DetailMessages } from './resources';

/**
 * The texts beyond the banner (`locales/<language>/consent-details.json`: dialog, tables, kinds, the policy
 * page's headings, the receipt, the browser guides), one chunk per language, which the dialog and the policy
 * page load (through `loadedTexts`, as the shop's texts) when they first render in that language: a
 * visitor downloads the details of the language shown only, never on a first visit. A language switch in
 * the open dialog keeps the language shown until the other's details have arrived.
 */
export const DETAIL_TEXTS: Readonly<Record<ConsentLanguage, () => Promise<{ default: DetailMessages }>>> = {
  fi: () => import('../../locales/fi/consent-details.json'),
  en: () => import('../../locales/en/consent-details.json'),
  sv: () => import('../../locales/sv/consent-details.json'),
};

/** The detail texts' loaders, per language. */
export type DetailTexts = typeof DETAIL_TEXTS;
