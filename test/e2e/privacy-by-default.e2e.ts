import { describe, expect, test } from 'vitest';
import { TRACKING_COOKIE, visitorsForThisFile } from './support/browser';
import {
  clickOnPage,
  declaredFor,
  LANGUAGES,
  NECESSARY,
  PRODUCT,
  settle,
  shopUrl,
  trackingElements,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

describe.each(LANGUAGES)('given a first visit to the shop in %s', (language) => {
  const words = WORDS[language];

  test('after scrolling, visiting three more pages and pressing Escape, nothing is tracked or stored beyond what is necessary (A1-A4)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language));
    await page.mouse.wheel(0, 2000);
    await settle(page);

    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: words.products, exact: true }));
    await clickOnPage(page.getByRole('link', { name: PRODUCT.name[language] }));
    await expect.poll(() => page.url()).toContain(`/products/${PRODUCT.id}`);
    await clickOnPage(page.getByRole('button', { name: words.addToCart }));
    await page.mouse.wheel(0, 2000);
    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: words.cart }));
    await expect.poll(() => page.url()).toMatch(/\/cart$/);
    await page.keyboard.press('Escape');
    await settle(page, 800);

    expect(visitor.tracking(), 'requests to tracking hosts').toEqual([]);
    expect(visitor.external, 'requests that left the machine').toEqual([]);
    expect(await trackingElements(page), 'tag or pixel elements').toEqual([]);

    const cookies = await visitor.cookieNames();
    expect(
      cookies.filter((name) => TRACKING_COOKIE.test(name)),
      'tracking cookies',
    ).toEqual([]);
    expect(
      cookies.filter((name) => !declaredFor(name, 'cookie', NECESSARY)),
      'undeclared cookies',
    ).toEqual([]);
    const storage = await visitor.storageKeys();
    expect(storage.local.filter((key) => !declaredFor(key, 'localStorage', NECESSARY))).toEqual([]);
    expect(storage.session.filter((key) => !declaredFor(key, 'sessionStorage', NECESSARY))).toEqual([]);
    // The cart was kept: necessary storage works without any consent.
    expect(storage.local).toContain('cart');
    await expect.poll(() => page.getByRole('link', { name: PRODUCT.name[language] }).count()).toBe(1);
  });

  test('a product page loaded directly asks for nothing from other hosts, images and fonts included', async () => {
    const visitor = await newVisitor();
    await visitor.page.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    await visitor.page.waitForLoadState('networkidle');
    expect(visitor.external).toEqual([]);
    const broken = await visitor.page.evaluate(() =>
      [...document.images].filter((image) => image.complete && image.naturalWidth === 0).map((image) => image.src),
    );
    expect(broken, 'images that failed to load').toEqual([]);
  });
});
