import { useEffect } from 'react';
import { activateMarkup } from '../core/activate-markup';
import type { ConsentStore } from '../core/consent-store-types';
import { type GatedScript, gateScript } from '../core/script-gate';
import { useConsentContext } from './consent-context';

export type ConsentScriptProps = Omit<GatedScript, 'beforeInsert' | 'attributes'> & {
  /** More attributes for the script element (`id`, `data-*`, `crossorigin`). */
  attributes?: Readonly<Record<string, string>>;
};

/**
 * A third-party script that runs only while its service's category is granted (`gateScript`): once per page
 * however often it mounts, with the provider's `nonce` unless given one, https only and from a host the
 * service declares. Renders nothing. A script cannot be unloaded: on withdrawal the service's declared
 * storage is deleted and its `onWithdraw` runs (`'reload'`, or its own revoke call).
 *
 * ```tsx
 * <ConsentScript service="chat" src="https://widget.chat.example/loader.js" />
 * ```
 */
export function ConsentScript({ service, src, code, nonce, async, type, attributes }: ConsentScriptProps) {
  const { store, nonce: providerNonce } = useConsentContext('<ConsentScript>');
  const used = nonce ?? providerNonce;
  const attributesKey = JSON.stringify(attributes ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attributes are compared by value (attributesKey)
  useEffect(
    () =>
      gateScript(store as ConsentStore<string>, {
        service,
        ...(src !== undefined ? { src } : {}),
        ...(code !== undefined ? { code } : {}),
        ...(used ? { nonce: used } : {}),
        ...(async !== undefined ? { async } : {}),
        ...(type ? { type } : {}),
        ...(attributes ? { attributes } : {}),
      }),
    [store, service, src, code, used, async, type, attributesKey],
  );
  return null;
}

/**
 * Activates the tags marked up in the page's HTML (`activateMarkup`) for as long as it is mounted: scripts
 * of `type="text/plain"` with `data-consent-service`, iframes with `data-consent-src`, those added later
 * included. Renders nothing.
 */
export function ActivateMarkup({ nonce }: { nonce?: string }) {
  const { store, nonce: providerNonce } = useConsentContext('<ActivateMarkup>');
  const used = nonce ?? providerNonce;
  useEffect(() => activateMarkup(store as ConsentStore<string>, used ? { nonce: used } : {}), [store, used]);
  return null;
}
