import { describe, expect, inject, test } from 'vitest';
import { SHOP_HOST, TRACKING_COOKIE, type Visitor, visitorsForThisFile } from './support/browser';
import { banner, clickOnPage, dialog, PRODUCT, settingsButton, settle, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

/** The shop on a subdomain, as `www.` shops are: a tag's cookie on the parent domain is one it can set. */
function wwwUrl(path = '/'): string {
  const { port } = new URL(inject('shopUrl'));
  return `http://www.${SHOP_HOST}:${port}${path}`;
}

const requestsTo = (visitor: Visitor, host: string, path = '') =>
  visitor.external.filter((request) => request.host === host && new URL(request.url).pathname.startsWith(path));
/** Meta's consent API calls and events as the stand-in fbevents.js received them, in order. */
const metaCalls = (visitor: Visitor) =>
  visitor.page.evaluate(() => (window as unknown as { __fbqCalls?: unknown[][] }).__fbqCalls ?? null);
const tagsRun = (visitor: Visitor) =>
  visitor.page.evaluate(() => (window as unknown as { __tagsRun?: string[] }).__tagsRun ?? []);
const trackingCookies = async (visitor: Visitor) =>
  (await visitor.context.cookies()).filter((cookie) => TRACKING_COOKIE.test(cookie.name));

async function browse(visitor: Visitor) {
  const { page } = visitor;
  await clickOnPage(page.getByRole('navigation').getByRole('link', { name: WORDS.fi.products, exact: true }));
  await clickOnPage(page.getByRole('link', { name: PRODUCT.name.fi }));
  await expect.poll(() => page.url()).toContain(`/products/${PRODUCT.id}`);
  await settle(page);
}

describe('the demo shop’s tag manager, Meta pixel and marked-up tags', () => {
  test('before any choice and after Reject all: no request to Google Tag Manager, Meta or the marked-up tag’s host, no cookie of theirs', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(wwwUrl('/'));
    await banner(page, 'fi').waitFor();
    await browse(visitor);
    // A tag added to the page after it loaded is gated the same way.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<script type="text/plain" data-consent-service="adnetwork" data-consent-src="https://pixel.adnetwork.example/late.js"></script>',
      );
    });
    await settle(page);
    await banner(page, 'fi').getByRole('button', { name: WORDS.fi.rejectAll, exact: true }).click();
    await page.goBack();
    await settle(page, 800);

    for (const host of [
      'www.googletagmanager.com',
      'connect.facebook.net',
      'www.facebook.com',
      'pixel.adnetwork.example',
    ]) {
      expect(requestsTo(visitor, host), host).toEqual([]);
    }
    expect(await trackingCookies(visitor)).toEqual([]);
    expect(await tagsRun(visitor)).toEqual([]);
    // Meta's queue holds the revocation and the init only: its script never came.
    expect(
      await page.evaluate(() => (window as unknown as { fbq?: { queue: unknown[][] } }).fbq?.queue ?? null),
    ).toEqual([
      ['consent', 'revoke'],
      ['init', expect.any(String)],
    ]);
  });

  test('Accept all: the container and Meta’s script load once, the consent calls come in order, the marked-up tags run once; withdrawing removes their cookies, the parent domain’s included, and stops their requests', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(wwwUrl('/'));
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<script type="text/plain" data-consent-service="adnetwork" data-consent-src="https://pixel.adnetwork.example/late.js"></script>',
      );
    });
    await banner(page, 'fi').getByRole('button', { name: WORDS.fi.acceptAll, exact: true }).click();
    await browse(visitor);
    await settle(page, 800);

    expect(requestsTo(visitor, 'www.googletagmanager.com', '/gtm.js')).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __gtmStarted?: boolean }).__gtmStarted)).toBe(true);
    expect(requestsTo(visitor, 'connect.facebook.net')).toHaveLength(1);
    const calls = (await metaCalls(visitor)) ?? [];
    expect(calls.slice(0, 4)).toEqual([
      ['consent', 'revoke'],
      ['init', expect.any(String)],
      ['consent', 'grant'],
      ['track', 'PageView'],
    ]);
    // The client-side page changes since: a page view each, and nothing else.
    expect(calls.slice(4)).toEqual([
      ['track', 'PageView'],
      ['track', 'PageView'],
    ]);
    expect((await tagsRun(visitor)).sort()).toEqual([
      'https://pixel.adnetwork.example/late.js',
      'https://pixel.adnetwork.example/tag.js',
    ]);
    const fbp = (await visitor.context.cookies()).find((cookie) => cookie.name === '_fbp');
    expect(fbp?.domain).toBe(`.${SHOP_HOST}`);

    // Withdraw from the footer's Cookie settings.
    await settingsButton(page, 'fi').click();
    await dialog(page).getByRole('button', { name: WORDS.fi.rejectAll, exact: true }).click();
    await settle(page);
    await expect.poll(async () => (await trackingCookies(visitor)).map((cookie) => cookie.name)).toEqual([]);
    const before = visitor.external.length;
    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: WORDS.fi.products, exact: true }));
    await settle(page, 800);
    const after = visitor.external.slice(before);
    expect(
      after.filter((request) => /facebook|googletagmanager|google-analytics|adnetwork/.test(request.host)),
    ).toEqual([]);
    expect((await metaCalls(visitor))?.at(-1)).toEqual(['consent', 'revoke']);
  });
});
