// @vitest-environment-options {"url": "https://www.shop.example/products"}
import { describe, expect, it } from 'vitest';
import { createConsentStore } from '../../src/core/consent-store';
import { definePolicy } from '../../src/core/policy';
import { readConsentCookie } from '../../src/core/read-consent-cookie';

/** jsdom's cookie jar, as the browser keeps it for every host (vitest's jsdom environment exposes it). */
type Jar = { getCookieStringSync(url: string): string };
const jar = () => (globalThis as unknown as { jsdom: { cookieJar: Jar } }).jsdom.cookieJar;

const categories = {
  necessary: { required: true, lifetime: { min: '1h', max: '2y' } },
  analytics: { thirdParty: true, lifetime: { min: '1h', max: '2y' } },
} as const;

describe('a consent cookie shared across the shop’s subdomains (cookie.domain)', () => {
  it('is written for the parent domain on www., and kauppa. reads the same decision', () => {
    const policy = definePolicy({
      revision: 1,
      categories,
      cookie: { name: 'shared_consent', domain: 'shop.example' },
    });
    const store = createConsentStore(policy, { sync: false, signals: {} });
    store.save({ analytics: true });
    const onKauppa = readConsentCookie(policy, jar().getCookieStringSync('https://kauppa.shop.example/'));
    expect(onKauppa.status).toBe('decided');
    expect(onKauppa.choices).toEqual({ necessary: true, analytics: true });
    expect(onKauppa.record?.id).toBe(store.getSnapshot().record?.id);
    // Withdrawn on www., withdrawn on kauppa. too: one cookie, not one per subdomain.
    store.rejectAll();
    expect(readConsentCookie(policy, jar().getCookieStringSync('https://kauppa.shop.example/')).choices.analytics).toBe(
      false,
    );
    expect(
      jar()
        .getCookieStringSync('https://kauppa.shop.example/')
        .match(/shared_consent=/g),
    ).toHaveLength(1);
  });

  it('without cookie.domain stays with the host that wrote it', () => {
    const policy = definePolicy({ revision: 1, categories, cookie: { name: 'host_consent' } });
    createConsentStore(policy, { sync: false, signals: {} }).acceptAll();
    expect(jar().getCookieStringSync('https://www.shop.example/')).toContain('host_consent=');
    expect(jar().getCookieStringSync('https://kauppa.shop.example/')).not.toContain('host_consent=');
  });
});
