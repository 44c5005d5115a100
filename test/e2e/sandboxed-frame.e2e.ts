import { describe, expect, inject, test } from 'vitest';
import { CONSENT_LOG_PATH, type LoggedRecord } from '../../scripts/lib/static-server.mjs';
import { SHOP_HOST, visitorsForThisFile } from './support/browser';
import { fetchFromShop, PRODUCT, settle, shopHostUrl, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

/**
 * The actions the shop's consent log holds for records this frame made since `since` (ISO time). The log is
 * shared with the test files running beside this one: an opaque origin's requests say `Origin: null`, their
 * pages' say the shop's origin (the consent logger sends no Referer from any page).
 */
async function loggedActions(since: string): Promise<string[]> {
  const response = await fetch(`${inject('shopUrl')}${CONSENT_LOG_PATH}`);
  const all = (await response.json()) as LoggedRecord[];
  return all
    .filter((entry) => entry.origin === 'null')
    .map((entry) => entry.body as { action?: string; decidedAt?: string })
    .filter((record) => (record.decidedAt ?? '') >= since)
    .map((record) => String(record.action));
}

describe('given the shop in a sandboxed frame (an opaque origin: no cookies, no storage)', () => {
  test('decisions, the pixel, the cart, the consent log and the policy page all work in memory, and nothing throws', async () => {
    const visitor = await newVisitor();
    const errors: string[] = [];
    // The shop's own errors: the stand-in for Google's tag reads cookies itself, and fails here as it may.
    visitor.page.on('pageerror', (error) => {
      if (!String(error.stack).includes('googletagmanager.com')) errors.push(String(error.stack));
    });
    // An opaque origin loads the shop's module scripts across origins: the server must allow it.
    await visitor.context.route(
      (url) => url.hostname === SHOP_HOST,
      async (route) => {
        const response = await fetchFromShop(route);
        await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
      },
    );
    const since = new Date().toISOString();
    await visitor.page.setContent(
      `<iframe title="shop" sandbox="allow-scripts" src="${shopHostUrl(`/en/products/${PRODUCT.id}`)}" style="width:1200px;height:800px"></iframe>`,
    );
    const shop = visitor.page.frameLocator('iframe');
    const words = WORDS.en;
    await shop.getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => shop.locator('img[src*="pixel."]').count()).toBe(1);

    await shop.getByRole('button', { name: words.addToCart }).click();
    await expect.poll(() => shop.getByRole('link', { name: /Cart/ }).textContent()).toContain('1');

    await shop.getByRole('contentinfo').getByRole('button', { name: words.cookieSettings }).click();
    await shop.getByRole('dialog').getByRole('button', { name: words.rejectAll }).click();
    await expect.poll(() => shop.getByRole('dialog').count()).toBe(0);
    // A product page reached within the app, after the refusal: no pixel.
    await shop.getByRole('link', { name: words.products, exact: true }).first().click();
    await shop.getByRole('link', { name: PRODUCT.name.en }).first().click();
    await settle(visitor.page);
    expect(await shop.locator('img[src*="pixel."]').count()).toBe(0);

    await expect.poll(() => loggedActions(since)).toEqual(['accept-all', 'withdraw']);
    await shop.getByRole('link', { name: 'Cookies', exact: true }).click();
    await expect.poll(() => shop.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
