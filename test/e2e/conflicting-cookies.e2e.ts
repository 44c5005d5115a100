import { describe, expect, test } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { encodeRecord } from '../../src/core/consent-record-writer';
import { SHOP_HOST, type Visitor, visitorsForThisFile } from './support/browser';
import { dialog, settingsButton, settle, shopHostUrl, trackingElements, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();
type C = (typeof shopPolicy.categoryNames)[number];

/** A consent cookie's value: every optional category granted, or none, decided `ago` ms before now. */
function consentValue(grant: boolean, ago: number): string {
  const decidedAt = Date.now() - ago;
  const choices = Object.fromEntries(
    shopPolicy.categories.map((category) => [category.name, category.required || grant]),
  ) as Record<C, boolean>;
  return encodeRecord(shopPolicy, {
    id: grant ? '1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0' : '0a1b2c3d-4e5f-4061-9273-8495a6b7c8d9',
    revision: shopPolicy.revision,
    choices,
    decidedAt: new Date(decidedAt).toISOString(),
    expiresAt: new Date(decidedAt + shopPolicy.consentMaxAge).toISOString(),
    action: grant ? 'accept-all' : 'reject-all',
    signals: { gpc: false, dnt: false },
  });
}

/** The consent cookies a page sees, by what it can read itself. */
const consentCookiesSeen = (visitor: Visitor) =>
  visitor.page.evaluate(
    (name) => document.cookie.split('; ').filter((pair) => pair.startsWith(`${name}=`)).length,
    shopPolicy.cookie.name,
  );

async function open(visitor: Visitor, path: string) {
  await visitor.page.goto(shopHostUrl(path));
  await visitor.page.waitForLoadState('networkidle');
  await settle(visitor.page);
}

describe('given two consent cookies that disagree, one from a parent domain on /en', () => {
  test('an earlier grant on Domain=.shop.example, Path=/en never outvotes a later refusal on / (I34, D14)', async () => {
    const visitor = await newVisitor();
    await visitor.context.addCookies([
      { name: shopPolicy.cookie.name, value: consentValue(true, 60_000), domain: `.${SHOP_HOST}`, path: '/en' },
      { name: shopPolicy.cookie.name, value: consentValue(false, 1_000), domain: SHOP_HOST, path: '/' },
    ]);
    await open(visitor, '/en');
    expect(await trackingElements(visitor.page)).toEqual([]);
    expect(visitor.tracking()).toEqual([]);
    // The page kept only the cookie it reads: every page of the shop now reads the same refusal.
    expect(await consentCookiesSeen(visitor)).toBe(1);
    await open(visitor, '/en/products');
    await open(visitor, '/');
    expect(await consentCookiesSeen(visitor)).toBe(1);
    expect(visitor.tracking()).toEqual([]);
  });

  test('a refusal made on /en under an older grant from a parent domain holds after a reload, on every page', async () => {
    const visitor = await newVisitor();
    await visitor.context.addCookies([
      { name: shopPolicy.cookie.name, value: consentValue(true, 60_000), domain: `.${SHOP_HOST}`, path: '/en' },
    ]);
    await open(visitor, '/en');
    // The grant stands until the visitor refuses: the tags are there, and have sent this page's view.
    expect((await trackingElements(visitor.page)).length).toBeGreaterThan(0);
    await expect.poll(() => visitor.tracking().some((request) => request.host === 'www.facebook.com')).toBe(true);
    await settingsButton(visitor.page, 'en').click();
    await dialog(visitor.page).getByRole('button', { name: WORDS.en.rejectAll }).click();
    await settle(visitor.page);
    const before = visitor.tracking().length;
    await open(visitor, '/en');
    expect(await consentCookiesSeen(visitor)).toBe(1);
    expect(await trackingElements(visitor.page)).toEqual([]);
    await open(visitor, '/');
    expect(await consentCookiesSeen(visitor)).toBe(1);
    expect(await trackingElements(visitor.page)).toEqual([]);
    expect(visitor.tracking().slice(before)).toEqual([]);
  });
});
