import { useEffect, useLayoutEffect } from 'react';
import type { ConsentModeMapping } from '../core/consent-mode';
import { googleTagManager } from '../core/google-tag-manager';
import type { Category } from '../core/policy';
import { useConsentContext } from './consent-context';

export interface GoogleTagManagerProps {
  /** The container's id, 'GTM-XXXXXXX'. */
  containerId: string;
  /** The policy's service for the container. Default 'google-tag-manager'. */
  service?: string;
  /** Category -> Google consent types, for shops whose category names differ from analytics / marketing / personalization. */
  mapping?: ConsentModeMapping<Category>;
  /** A CSP nonce for the container's script. Default: the provider's `nonce`. */
  nonce?: string;
}

// As for <GoogleAnalytics>: the denied defaults are queued before any passive effect of the page.
const useEarlyEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Google Tag Manager inside `<ConsentProvider>`, on the Consent Mode v2 bridge (`googleTagManager`): the
 * denied defaults first, an update on every change, and the container itself only once its service's
 * category is granted. Renders nothing.
 */
export function GoogleTagManager({ containerId, service, mapping, nonce: ownNonce }: GoogleTagManagerProps) {
  const { store, nonce: providerNonce } = useConsentContext('<GoogleTagManager>');
  const nonce = ownNonce ?? providerNonce;
  const mappingKey = JSON.stringify(mapping ?? null);
  useEarlyEffect(
    () => googleTagManager(store, { containerId, service, mapping, nonce }),
    [store, containerId, service, nonce, mappingKey],
  );
  return null;
}
