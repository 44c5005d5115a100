import { describe, expect, test } from 'vitest';
import { SHOP_HOST, type Visitor, visitorsForThisFile } from './support/browser';
import { banner, settle, shopHostUrl, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

const cookieNames = async (visitor: Visitor) => (await visitor.context.cookies()).map((cookie) => cookie.name);

describe('given a visitor who refused everything on /', () => {
  test('declared cookies on /en and /en/products go once a client-side navigation reaches their path, and a script’s new one goes too, without the Cookie Store API (D15)', async () => {
    const visitor = await newVisitor();
    await visitor.page.goto(shopHostUrl('/'));
    await banner(visitor.page, 'fi').getByRole('button', { name: WORDS.fi.rejectAll, exact: true }).click();
    await settle(visitor.page);
    // Left by a tag before the refusal, on paths the page at / can neither see nor aim a deletion at.
    await visitor.context.addCookies([
      { name: '_ga', value: 'GA1.1.1.1', domain: `.${SHOP_HOST}`, path: '/en' },
      { name: '_gcl_au', value: '1.1.1', domain: SHOP_HOST, path: '/en' },
      { name: 'reco_id', value: 'r1', domain: SHOP_HOST, path: '/en/products' },
    ]);
    expect(await visitor.page.evaluate(() => 'cookieStore' in window)).toBe(false);
    // The shop's own links navigate with pushState: no new page load.
    await visitor.page.getByRole('link', { name: 'In English' }).click();
    await visitor.page.waitForURL(/\/en$/);
    await visitor.page.getByRole('link', { name: WORDS.en.products, exact: true }).first().click();
    await visitor.page.waitForURL(/\/en\/products$/);
    await expect.poll(() => cookieNames(visitor), { timeout: 3000 }).not.toContain('reco_id');
    const names = await cookieNames(visitor);
    for (const name of ['_ga', '_gcl_au', 'reco_id']) expect(names, name).not.toContain(name);

    await visitor.page.evaluate(() => {
      document.cookie = '_ga=GA1.1.2.2; Path=/';
    });
    await expect.poll(() => cookieNames(visitor), { timeout: 3000 }).not.toContain('_ga');
  });
});
