import { render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { cookieNames } from '../../src/core/cookie';
import { ConsentProvider } from '../../src/react/consent-provider';

afterEach(() => {
  vi.useRealTimers();
});

const newStore = () => createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } });

function renderShop(store = newStore()) {
  render(
    <StrictMode>
      <ConsentProvider policy={shopPolicy} store={store}>
        <p>Shop</p>
      </ConsentProvider>
    </StrictMode>,
  );
  return store;
}

describe('given a returning visitor who had accepted analytics, whose choice has since been reset', () => {
  it('the provider alone deletes the leftover analytics cookies and personalization storage', async () => {
    document.cookie = '_ga=GA1.1.1.2; Path=/';
    document.cookie = '_gid=GA1.1.3; Path=/';
    localStorage.setItem('recently_viewed', '["bib"]');
    localStorage.setItem('cart', '["bib"]');
    renderShop();
    await waitFor(() => expect(cookieNames(document.cookie)).toEqual([]));
    expect(localStorage.getItem('recently_viewed')).toBeNull();
    expect(localStorage.getItem('cart')).toBe('["bib"]');
  });
});

describe('in development', () => {
  it('logs the audit findings once, as a table, shortly after start', async () => {
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.cookie = '_hjid=hj.1.2; Path=/';
    renderShop();
    await waitFor(() => expect(table).toHaveBeenCalled(), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(table).toHaveBeenCalledTimes(1);
    expect(table.mock.calls[0]?.[0]).toEqual([expect.objectContaining({ problem: 'undeclared', name: '_hjid' })]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('does not allow'));
  });

  it('logs nothing when the browser holds only what the policy allows', async () => {
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const store = newStore();
    store.acceptAll();
    document.cookie = '_ga=GA1.1.1.2; Path=/';
    renderShop(store);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(table).not.toHaveBeenCalled();
  });
});
