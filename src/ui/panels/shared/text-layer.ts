import type { PolicyTexts } from '../../../core/policy-texts';
import { policyTextOf, renderTagged } from '../../../i18n/consent-text';
import { fullPolicyText } from '../../../i18n/policy-text';
import { SignalNote } from './texts';
import { useConsentText } from './use-consent-text';
import { hashPolicyText } from './use-record-context';

/**
 * Starts hashing the policy text of the shop's texts in one language, as the banner will show it, so that
 * the hash its first render waits for is known by then (`preloadConsentBanner`).
 */
function hashShopPolicyText(texts: PolicyTexts | undefined): void {
  const policyText = texts?.policyText as Record<string, unknown> | undefined;
  hashPolicyText(fullPolicyText(policyTextOf((name) => policyText?.[name])));
}

/**
 * What the banner, the preferences dialog and the policy page show their words with: a chunk of its own that
 * `ui/first-load/panel-loader.ts` fetches beside each panel's and hands to it as the `textLayer` prop. Imported
 * by the panels instead, it would still be a chunk of its own (bundlers split off what several on-demand
 * chunks share), but one that esbuild's panel chunks import: a first visit would fetch it only once the
 * banner's chunk had arrived, one more round trip before the banner shows. `test/ui/bundle.test.ts` keeps the
 * panels' chunks free of such imports.
 */
export const textLayer = { useConsentText, SignalNote, renderTagged, hashShopPolicyText };

export type TextLayer = typeof textLayer;

export interface TextLayerProps {
  textLayer: TextLayer;
}
