import { describe, expect, test } from 'vitest';
import { visitorsForThisFile } from './support/browser';
import { banner, consentCommands, PRODUCT, settle, shopUrl, trackingElements, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

const SIGNALS = [
  ['Global Privacy Control', 'globalPrivacyControl', true],
  ['Do Not Track', 'doNotTrack', '1'],
] as const;

describe.each(SIGNALS)('given a visitor who accepted all, then turned %s on', (_name, property, on) => {
  test('the next page loads no third-party tag or pixel, and Google hears the denied state (I33)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl('en', `/products/${PRODUCT.id}`));
    await banner(page, 'en').getByRole('button', { name: WORDS.en.acceptAll, exact: true }).click();
    await expect.poll(() => trackingElements(page)).toContainEqual(expect.stringContaining('pixel.'));
    // The tags of this page have done what they do (Meta's page view last), before the signal changes.
    await expect.poll(() => visitor.tracking().some((request) => request.host === 'www.facebook.com')).toBe(true);
    await settle(page);

    // The browser's setting changes between two pages, as a visitor's would.
    await visitor.context.addInitScript(
      ([name, value]) => {
        Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true });
      },
      [property, on] as const,
    );
    const before = visitor.tracking().length;
    await page.goto(shopUrl('en', `/products/${PRODUCT.id}`));
    await settle(page, 800);
    expect(await trackingElements(page)).toEqual([]);
    expect(visitor.tracking().slice(before)).toEqual([]);
    const updates = (await consentCommands(page)).filter(([, type]) => type === 'update');
    expect(updates.at(-1)?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });
    // No banner: the visitor decided; the signal only withholds what it covers.
    expect(await banner(page, 'en').count()).toBe(0);
  });
});
