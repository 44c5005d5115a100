import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy, shopTexts } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import type { PolicyTextSources } from '../../src/core/policy-texts';

// `preloadConsentBanner` runs in a page's entry before React's first render. Each test loads the modules
// afresh, so that what an earlier test loaded cannot pass for what this one started.

async function freshModules() {
  vi.resetModules();
  const banner = await import('../../src/ui/first-load/consent-banner');
  const loader = await import('../../src/ui/first-load/panel-loader');
  const messages = await import('../../src/i18n/load-messages');
  return { ...banner, ...loader, ...messages };
}

/** Lets the started imports resolve. */
const arrived = () => new Promise((done) => setTimeout(done, 50));

afterEach(() => {
  document.cookie = `${shopPolicy.cookie.name}=; Max-Age=0; Path=/`;
  document.documentElement.lang = '';
});

describe('preloadConsentBanner', () => {
  it('for a visitor without a consent cookie / starts the banner’s code, its words and the shop’s texts in the page’s language', async () => {
    const { preloadConsentBanner, bannerPanel, loadedMessages, loadedTexts } = await freshModules();
    document.documentElement.lang = 'sv';
    expect(bannerPanel.current()).toBeNull();
    preloadConsentBanner(shopPolicy, { texts: shopTexts });
    await vi.waitFor(() => expect(bannerPanel.current()).not.toBeNull(), { timeout: 5000 });
    expect(loadedMessages('sv')?.banner.acceptAll).toBe('Godkänn alla');
    expect(loadedMessages('fi')).toBeUndefined();
    expect(loadedTexts(shopTexts, 'sv')).toEqual(expect.objectContaining({ categories: expect.any(Object) }));
  });

  it('for a visitor who decided / downloads nothing', async () => {
    const { preloadConsentBanner, bannerPanel, loadedMessages } = await freshModules();
    createConsentStore(shopPolicy, { sync: false }).rejectAll();
    expect(document.cookie).toContain(`${shopPolicy.cookie.name}=`);
    preloadConsentBanner(shopPolicy, { texts: shopTexts, language: 'fi' });
    // Long enough for the banner's modules to arrive, had they been asked for (the first test waits for them).
    await new Promise((done) => setTimeout(done, 1000));
    expect(bannerPanel.current()).toBeNull();
    expect(loadedMessages('fi')).toBeUndefined();
  });

  it('with a language the shop’s texts do not cover / fetches English, as the banner will show', async () => {
    const { preloadConsentBanner, loadedMessages } = await freshModules();
    const texts = { en: shopTexts.en, fi: shopTexts.fi } as PolicyTextSources;
    preloadConsentBanner(shopPolicy, { texts, language: 'sv' });
    await arrived();
    expect(loadedMessages('en')).toBeDefined();
    expect(loadedMessages('sv')).toBeUndefined();
  });

  it('with the app’s initialized i18next instance / fetches its language', async () => {
    const { preloadConsentBanner, loadedMessages } = await freshModules();
    const i18n = { isInitialized: true, resolvedLanguage: 'fi', on() {}, off() {}, getFixedT() {} };
    preloadConsentBanner(shopPolicy, { texts: shopTexts, language: 'en', i18n });
    await arrived();
    expect(loadedMessages('fi')).toBeDefined();
    expect(loadedMessages('en')).toBeUndefined();
  });
});

describe('preloadConsentBanner before the first render', () => {
  /** Preloads for an English-speaking visitor without a consent cookie, waits for it, then renders the banner. */
  async function renderAfterPreload() {
    const { preloadConsentBanner, bannerPanel } = await freshModules();
    const { ConsentProvider } = await import('../../src/react/consent-provider');
    const { ConsentBanner } = await import('../../src/ui/first-load/consent-banner');
    const testing = await import('@testing-library/react');
    preloadConsentBanner(shopPolicy, { texts: shopTexts, language: 'en' });
    await vi.waitFor(() => expect(bannerPanel.current()).not.toBeNull(), { timeout: 5000 });
    // The hash is computed once the texts are here: give it the moment it takes.
    await new Promise((done) => setTimeout(done, 100));
    testing.act(() => {
      testing.render(
        <ConsentProvider policy={shopPolicy} texts={shopTexts} language="en">
          <ConsentBanner />
        </ConsentProvider>,
      );
    });
    return testing;
  }

  it('for a visitor without a consent cookie / the banner shows in the provider’s first commit, its policy text already hashed for the record', async () => {
    const { screen } = await renderAfterPreload();
    // No await: what the first commit shows.
    expect(screen.queryByRole('button', { name: 'Accept all' })).not.toBeNull();
  });

  it('for a visitor without a consent cookie / an Accept all clicked as the banner first shows is stored at once', async () => {
    const { screen, act, fireEvent } = await renderAfterPreload();
    // No await between the first commit, the click and the cookie: the code that records it is here already.
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    });
    expect(document.cookie).toContain(`${shopPolicy.cookie.name}=`);
  });
});
