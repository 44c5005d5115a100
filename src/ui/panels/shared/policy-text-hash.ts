import { sha256Hex } from '../../../core/text-hash';
import type { ConsentText } from '../../../i18n/consent-text';
import { DETAIL_TEXTS } from '../../../i18n/detail-texts';
import { fullPolicyText } from '../../../i18n/policy-text';

/**
 * The SHA-256 of the full policy text as `text` shows it, for an app that words the policy text itself in
 * its i18next instance (the bundled wording's hash is known ahead). The bundled texts join first (`join`,
 * which is `addTexts`), so that the keys the app leaves out read as the policy page would show them.
 * Loaded on demand by `useRecordContext`: only such an app downloads it, with the detail texts.
 */
export function shownPolicyTextHash(
  text: ConsentText,
  join: (instance: ConsentText['i18n'], lang: ConsentText['lang'], texts: object) => void,
): Promise<string | null> {
  join(text.i18n, text.lang, DETAIL_TEXTS[text.lang]);
  return sha256Hex(fullPolicyText(text.t as (key: string) => string));
}
