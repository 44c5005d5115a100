import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { ConsentProvider } from '../../src/react/consent-provider';
import { GoogleAnalytics } from '../../src/react/google-analytics';

type Win = Window & { dataLayer?: unknown[]; gtag?: unknown };
const win = window as Win;

afterEach(() => {
  delete win.dataLayer;
  delete win.gtag;
  for (const script of [...document.scripts]) script.remove();
});

const entries = () => (win.dataLayer ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>));
const tagScripts = () => [...document.scripts].filter((script) => script.src.includes('googletagmanager.com/gtag/js'));

function renderShop(store = createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } })) {
  const view = render(
    <StrictMode>
      <ConsentProvider policy={shopPolicy} store={store}>
        <GoogleAnalytics measurementId="G-DEMO12345" nonce="n0nce" />
      </ConsentProvider>
    </StrictMode>,
  );
  return { store, ...view };
}

describe('given <GoogleAnalytics> inside the provider and an undecided visitor', () => {
  it('queues the denied defaults and renders no Google tag', () => {
    const { container } = renderShop();
    expect(entries()[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied', security_storage: 'granted' }),
    ]);
    expect(entries().filter(([, kind]) => kind === 'default')).toHaveLength(1);
    expect(tagScripts()).toEqual([]);
    expect(container.innerHTML).toBe('');
  });

  it('after Accept all, loads gtag.js once, with the nonce, and configures the tag', () => {
    const { store } = renderShop();
    act(() => store.acceptAll());
    expect(tagScripts().map((script) => [script.src, script.getAttribute('nonce')])).toEqual([
      ['https://www.googletagmanager.com/gtag/js?id=G-DEMO12345', 'n0nce'],
    ]);
    expect(entries().filter(([command]) => command === 'config')).toHaveLength(1);
  });

  it('after unmounting, sends no more updates', () => {
    const { store, unmount } = renderShop();
    unmount();
    act(() => store.acceptAll());
    expect(entries().filter(([, kind]) => kind === 'update')).toEqual([]);
    expect(tagScripts()).toEqual([]);
  });
});
