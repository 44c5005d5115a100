// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentLogger } from '../../src/core/consent-logger';
import { consentModeBridge } from '../../src/core/consent-mode';
import { createConsentStore } from '../../src/core/consent-store';
import { createPolicyStorage } from '../../src/core/policy-storage';
import { attachStorageCleanup } from '../../src/core/storage-cleanup';
import { ConsentProvider } from '../../src/react/consent-provider';
import { GoogleAnalytics } from '../../src/react/google-analytics';
import { useConsentedStorage } from '../../src/react/use-consented-storage';

function Cart() {
  const [cart] = useConsentedStorage<string[]>('necessary', 'cart');
  return <p>{cart ? `${cart.length} items` : 'Cart is empty'}</p>;
}

describe('given a server rendering the shop for a visitor who accepted all', () => {
  it('renders without touching browser globals: no tag, the cart as empty until hydration', () => {
    const store = createConsentStore(shopPolicy);
    store.acceptAll();
    const html = renderToString(
      <ConsentProvider policy={shopPolicy} store={store}>
        <GoogleAnalytics measurementId="G-DEMO12345" />
        <Cart />
      </ConsentProvider>,
    );
    expect(html).toBe('<p>Cart is empty</p>');
  });

  it('the core integrations do nothing and never throw', () => {
    const store = createConsentStore(shopPolicy);
    store.acceptAll();
    expect(() => consentModeBridge(store, { measurementId: 'G-DEMO12345' })()).not.toThrow();
    expect(() => attachStorageCleanup(store)()).not.toThrow();
    const storage = createPolicyStorage(store);
    expect(storage.set('cart', ['bib'])).toBe(false);
    expect(storage.get('cart')).toBeNull();
    const logger = createConsentLogger({ endpoint: 'https://shop.example/log', fetch: async () => new Response(null) });
    expect(() => logger(store.getSnapshot().record as never)).not.toThrow();
  });
});
