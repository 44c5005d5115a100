import type { ConsentLanguage } from './languages';

/**
 * The SHA-256 (hex) of each language's full policy text as the locale files word it: `fullPolicyText`
 * of `locales/<language>/consent-details.json`. Known ahead, a decision record carries it from the
 * banner's first commit on, and a first visit downloads no policy text to compute it. A test keeps these
 * equal to the files (it names the new value when a policy text changes).
 */
export const POLICY_TEXT_HASHES: Readonly<Record<ConsentLanguage, string>> = {
  fi: 'c1d6d296979ef6e691bb0672e1ec76c40be92482e87c4a979c13ecd1939ced9d',
  en: '1066e66bc67998331ec7eec1615ca9bb650ea111015ffa89ced5150e652327f9',
};
