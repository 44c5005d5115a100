import { useEffect, useLayoutEffect } from 'react';
import { type ConsentModeMapping, type ConsentModeOptions, consentModeBridge } from '../core/consent-mode';
import type { Category } from '../core/policy';
import { useConsentContext } from './consent-context';

export interface GoogleAnalyticsProps {
  /** The Google tag's id, 'G-XXXXXXX'. */
  measurementId: string;
  /** Category -> Google consent types, for shops whose category names differ from analytics / marketing / personalization. */
  mapping?: ConsentModeMapping<Category>;
  /** A CSP nonce for the gtag.js script. Default: the provider's `nonce`. */
  nonce?: string;
  /** More `config` parameters for the tag. */
  config?: ConsentModeOptions['config'];
}

// Layout effects run before any passive effect of the page, so the denied defaults are queued before other
// code can push to the dataLayer; on a server neither runs.
const useEarlyEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Google Analytics with Google Consent Mode v2, inside `<ConsentProvider>`. Renders nothing. Pushes the
 * denied defaults first, loads gtag.js only once analytics is granted (basic mode), and sends every change
 * and the stored state on each page load as a consent update.
 */
export function GoogleAnalytics({ measurementId, mapping, nonce: ownNonce, config }: GoogleAnalyticsProps) {
  const { store, nonce: providerNonce } = useConsentContext('<GoogleAnalytics>');
  const nonce = ownNonce ?? providerNonce;
  const mappingKey = JSON.stringify(mapping ?? null);
  const configKey = JSON.stringify(config ?? null);
  // mapping and config are compared by value, so an inline object does not re-attach the bridge on each render.
  useEarlyEffect(
    () => consentModeBridge(store, { measurementId, mapping, nonce, config }),
    [store, measurementId, nonce, mappingKey, configKey],
  );
  return null;
}
