// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { CookiePolicy, createConsentStore, encodeRecord } from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { ShopPage } from './shop-page';

function page(cookieHeader: string | null, language?: string) {
  return renderToString(
    <ShopPage cookieHeader={cookieHeader} language={language}>
      <CookiePolicy />
    </ShopPage>,
  );
}

describe('on a server', () => {
  it('renders the footer button in the provider’s language and no dialog, without touching browser globals', () => {
    const html = page(null, 'en');
    expect(html).toContain('lang="en"');
    expect(html).toContain(CONSENT_WORDS.en.cookieSettings);
    expect(html).not.toContain('role="dialog"');
    expect(page(null)).toContain(CONSENT_WORDS.fi.cookieSettings);
  });

  it('given a decided visitor’s cookie / renders no banner', () => {
    const store = createConsentStore(shopPolicy, { sync: false });
    store.rejectAll();
    const record = store.getSnapshot().record!;
    const html = page(`${shopPolicy.cookie.name}=${encodeRecord(shopPolicy, record)}`, 'fi');
    expect(html).not.toContain('data-consent-banner');
    expect(html).toContain(CONSENT_WORDS.fi.cookieSettings);
  });
});
