import { useEffect, useRef } from 'react';
import type { ConsentStore } from '../core/consent-store-types';
import { metaPixel, trackMetaPixel } from '../core/meta-pixel';
import { useConsentContext } from './consent-context';

export interface MetaPixelProps {
  /** The pixel's id, digits only. */
  pixelId: string;
  /** The policy's service for the pixel. Default 'meta-pixel'. */
  service?: string;
  /** A CSP nonce for Meta's script. Default: the provider's `nonce`. */
  nonce?: string;
  /**
   * The page shown, for an app that changes pages without a reload: each new value is a page view (sent only
   * while the pixel's service is granted). The first page view is sent when consent is given.
   */
  page?: string;
}

/**
 * The Meta pixel inside `<ConsentProvider>`, with Meta's consent API (`metaPixel`): nothing is loaded or
 * sent until the service's category is granted, and a withdrawal revokes it. Events of the shop's:
 * `trackMetaPixel('AddToCart', { … })`. Renders nothing.
 */
export function MetaPixel({ pixelId, service, nonce: ownNonce, page }: MetaPixelProps) {
  const { store, nonce: providerNonce } = useConsentContext('<MetaPixel>');
  const nonce = ownNonce ?? providerNonce;
  useEffect(
    () =>
      metaPixel(store as ConsentStore<string>, {
        pixelId,
        ...(service ? { service } : {}),
        ...(nonce ? { nonce } : {}),
      }),
    [store, pixelId, service, nonce],
  );
  const shown = useRef(page);
  useEffect(() => {
    if (page === shown.current) return;
    shown.current = page;
    trackMetaPixel('PageView');
  }, [page]);
  return null;
}
