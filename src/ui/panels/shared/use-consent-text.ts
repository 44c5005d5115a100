import type { i18n as I18n } from 'i18next';
import { useContext, useMemo, useRef } from 'react';
import { I18nContext } from 'react-i18next';
import type { Policy } from '../../../core/policy';
import { missingPolicyTexts } from '../../../core/policy-texts';
import { type ConsentText, consentText, fileSource } from '../../../i18n/consent-text';
import type { DetailTexts } from '../../../i18n/detail-texts';
import { instanceSource } from '../../../i18n/instance-source';
import type { ConsentLanguage } from '../../../i18n/languages';
import { CONSENT_NAMESPACE } from '../../../i18n/resources';
import type { UiKit } from '../../first-load/panel-contract';
import { useRecordContext } from './use-record-context';

/**
 * Where a panel's words come from when the app has no i18next instance: the locale files as they are
 * (`'files'`, the banner's), or the library's own instance (the dialog's and the policy page's).
 */
export type OwnTexts = 'files' | ((lang: ConsentLanguage, namespace: string) => I18n);

/**
 * The texts of the consent UI in the language shown, or null while that language's texts load: the
 * banner's file, plus `details` for the dialog and the policy page. Uses the app's i18next instance when it
 * has one (the provider's `i18n` prop, else react-i18next's context) and follows its language; otherwise
 * `own` serves the files, in the provider's `language` (or the visitor's pick). Every decision's record says
 * which texts were shown (`useRecordContext`): the texts are given out once their hash is known. The
 * language and its texts come through the panel's `kit`, which the page's main chunk hands over, so that
 * this chunk shares no module with it.
 */
export function useConsentText(
  { useShownLanguage, loadedMessages, loadedTexts, preloadMessages, pickLanguage }: UiKit,
  caller: string,
  own: OwnTexts,
  details?: DetailTexts,
): ConsentText | null {
  const fromContext = (useContext(I18nContext) as { i18n?: unknown } | undefined)?.i18n;
  const shown = useShownLanguage(caller, fromContext);
  const { lang: wanted, app: appCandidate, appReady, store, language, offered, texts } = shown;
  // An app instance that is not initialized yet cannot take our texts: `own` serves meanwhile.
  const app = appReady ? (appCandidate as unknown as I18n) : undefined;
  // A language is ready once the details asked for, the library's words and the shop's (when it gives them)
  // are here. Asking starts the loads (during render, as the wrappers do: idempotent, one commit sooner);
  // the details first, so that they load beside the rest rather than after.
  const ready = (candidate: ConsentLanguage | undefined): candidate is ConsentLanguage =>
    !!candidate &&
    (!details || loadedTexts(details, candidate) != null) &&
    loadedMessages(candidate) !== undefined &&
    loadedTexts(texts, candidate) !== null;
  // While another language loads, the one shown stays; null only before the first. The banner shows any
  // language at hand meanwhile; the dialog and the policy page never load another's details for that.
  const shownText = useRef<ConsentText | null>(null);
  const lang = [wanted, shownText.current?.lang].find(ready) ?? (details ? undefined : offered.find(ready));
  preloadMessages(wanted);

  const messages = lang ? loadedMessages(lang) : undefined;
  const detailTexts = lang && details ? loadedTexts(details, lang) : undefined;
  const ownsLanguage = !appCandidate;
  const policyTexts = lang ? (loadedTexts(texts, lang) ?? undefined) : undefined;

  const text = useMemo(() => {
    if (!lang || !messages) return null;
    const files = detailTexts ? [messages, detailTexts] : [messages];
    const instance = app ?? (own === 'files' ? undefined : own(lang, CONSENT_NAMESPACE));
    return consentText(instance ? instanceSource(instance, lang, files) : fileSource(files), lang, {
      ownsLanguage,
      policyTexts,
      languages: offered,
      setLanguage: (next) => {
        pickLanguage(store, next, language);
        preloadMessages(next);
      },
    });
  }, [
    app,
    own,
    lang,
    messages,
    detailTexts,
    ownsLanguage,
    policyTexts,
    offered,
    store,
    language,
    pickLanguage,
    preloadMessages,
  ]);
  if (process.env.NODE_ENV !== 'production') reportMissingTexts(store.policy, text);
  // While a new language's text is being hashed, the one shown stays, as while its texts load.
  if (useRecordContext(store, text)) shownText.current = text;
  return shownText.current;
}

/** Each policy whose texts were found wanting, per language: the error is logged once. */
const reported = new WeakMap<object, Set<string>>();

/**
 * In development, says loudly which of the policy's categories, services and storage items have no words
 * in the language shown (the table would otherwise show a stand-in), and where to add them.
 */
function reportMissingTexts(policy: Policy, text: ConsentText | null) {
  if (!text) return;
  const seen = reported.get(policy) ?? new Set();
  reported.set(policy, seen);
  if (seen.has(text.lang)) return;
  seen.add(text.lang);
  const shown = {
    categories: Object.fromEntries(
      policy.categories.map(({ name }) => [
        name,
        {
          name: text.tPolicy(['categories', name, 'name'], ''),
          description: text.tPolicy(['categories', name, 'description'], ''),
        },
      ]),
    ),
    services: Object.fromEntries(
      policy.services.map(({ id }) => [id, { description: text.tPolicy(['services', id, 'description'], '') }]),
    ),
    storage: Object.fromEntries(policy.storage.map(({ name }) => [name, text.tPolicy(['storage', name], '')])),
    policyText: text.policyText,
  };
  const missing = missingPolicyTexts(policy, shown);
  if (missing.length > 0) {
    console.error(
      `react-consent-policy: the policy's texts in "${text.lang}" lack ${missing.join(', ')}. Give them in <ConsentProvider texts={definePolicyTexts(policy, { ${text.lang}: ... })}> (or in your i18next instance, namespace "consent"); until then the consent UI shows a stand-in.`,
    );
  }
}
