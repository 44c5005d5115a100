import { type ConsentModeMapping, consentModeBridge } from './consent-mode';
import type { ConsentStore } from './consent-store-types';
import { gateScript } from './script-gate';
import { warn } from './warn';

export interface TagManagerOptions<C extends string = string> {
  /** The container's id, 'GTM-XXXXXXX'. */
  containerId: string;
  /** The policy's service for the container: its category allows it, its hosts list Google's. Default 'google-tag-manager'. */
  service?: string;
  /** Category -> Google consent types, as for `consentModeBridge`. */
  mapping?: ConsentModeMapping<C>;
  /** The page's Content Security Policy nonce. */
  nonce?: string;
  /** Where the container is loaded from. Default: https://www.googletagmanager.com/gtm.js */
  scriptUrl?: string;
}

const CONTAINER_ID = /^GTM-[A-Z0-9]{4,12}$/i;

/**
 * Google Tag Manager on the Consent Mode v2 bridge: the denied defaults go to the dataLayer first and every
 * change follows as an update, as for Google Analytics. The container itself loads only once its service's
 * category is granted (Google's "basic" mode): before consent, and after a refusal, nothing of Google's is
 * requested, whatever tags the container would start. Tags in a loaded container read the consent state;
 * on withdrawal they get the denied update and the declared cookies are deleted. Returns the function that
 * detaches it.
 */
export function googleTagManager<C extends string>(store: ConsentStore<C>, options: TagManagerOptions<C>): () => void {
  if (typeof document === 'undefined') return () => {};
  const detachBridge = consentModeBridge(store, { mapping: options.mapping, nonce: options.nonce });
  const id = options.containerId;
  if (!CONTAINER_ID.test(id)) {
    if (process.env.NODE_ENV !== 'production') {
      warn(`googleTagManager: "${id}" is not a container id such as 'GTM-XXXXXXX', so the container never loads.`);
    }
    return detachBridge;
  }
  const stop = gateScript(store as ConsentStore<string>, {
    service: options.service ?? 'google-tag-manager',
    src: `${options.scriptUrl ?? 'https://www.googletagmanager.com/gtm.js'}?id=${encodeURIComponent(id)}`,
    nonce: options.nonce,
    // The container's start event, which it reads from the dataLayer when it loads.
    beforeInsert: () => {
      const w = window as unknown as { dataLayer?: unknown[] };
      w.dataLayer = w.dataLayer ?? [];
      w.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    },
  });
  return () => {
    stop();
    detachBridge();
  };
}
