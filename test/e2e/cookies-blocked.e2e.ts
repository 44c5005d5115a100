import { describe, expect, test } from 'vitest';
import { visitorsForThisFile } from './support/browser';
import { banner, clickOnPage, PRODUCT, settle, shopHostUrl, trackingElements, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

describe('given a browser that blocks the page’s cookies', () => {
  test('a refusal holds on every page reached within the shop, the cart still counts, and nothing throws', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    const errors: string[] = [];
    page.on('pageerror', (error) => {
      if (!String(error.stack).includes('googletagmanager.com')) errors.push(String(error.stack));
    });
    // What Chrome's "Block all cookies" does to a page: document.cookie reads empty and writes vanish, and
    // the site's Web Storage is refused with a SecurityError.
    const cdp = await visitor.context.newCDPSession(page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await visitor.context.addInitScript(() => {
      for (const area of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, area, {
          configurable: true,
          get: () => {
            throw new DOMException(
              `Failed to read the '${area}' property from 'Window': Access is denied.`,
              'SecurityError',
            );
          },
        });
      }
    });
    await page.goto(shopHostUrl(`/en/products/${PRODUCT.id}`));
    expect(await page.evaluate(() => navigator.cookieEnabled)).toBe(false);

    await banner(page, 'en').getByRole('button', { name: WORDS.en.rejectAll, exact: true }).click();
    await settle(page);
    // The refusal lives in memory: no banner again, and nothing tracked on the pages reached after it.
    await clickOnPage(page.getByRole('button', { name: WORDS.en.addToCart }));
    await expect.poll(() => page.getByRole('link', { name: WORDS.en.cart }).textContent()).toContain('1');
    await page.getByRole('link', { name: WORDS.en.products, exact: true }).first().click();
    await page.getByRole('link', { name: PRODUCT.name.en }).first().click();
    await settle(page);
    expect(await banner(page, 'en').count()).toBe(0);
    expect(await trackingElements(page)).toEqual([]);
    expect(visitor.tracking()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
