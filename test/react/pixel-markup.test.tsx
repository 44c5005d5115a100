// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { encodeRecord } from '../../src/core/consent-record-writer';
import { ConsentProvider, TrackedPixel } from '../../src/index';

describe('a pixel rendered on the server', () => {
  it('is hidden by an attribute, not a style a strict Content Security Policy would refuse', () => {
    const decidedAt = Date.now() - 1000;
    const value = encodeRecord(shopPolicy, {
      id: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      revision: shopPolicy.revision,
      choices: { necessary: true, personalization: true, analytics: true, marketing: true },
      decidedAt: new Date(decidedAt).toISOString(),
      expiresAt: new Date(decidedAt + shopPolicy.consentMaxAge).toISOString(),
      action: 'accept-all',
      signals: { gpc: false, dnt: false },
    });
    const html = renderToString(
      <ConsentProvider policy={shopPolicy} cookieHeader={`cookie_consent=${value}`}>
        <TrackedPixel src="https://pixel.adnetwork.example/view.gif" />
      </ConsentProvider>,
    );
    expect(html).toMatch(/<img[^>]*src="https:\/\/pixel\.adnetwork\.example\/view\.gif"[^>]*hidden=""/);
    expect(html).not.toContain('style=');
  });
});
