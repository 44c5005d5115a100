import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SHOP_HOST, type Visitor, visitorsForThisFile } from './support/browser';
import {
  banner,
  dialog,
  fetchFromShop,
  PRODUCT,
  settingsButton,
  settle,
  shopHostUrl,
  trackingElements,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

/** What a shop with a strict policy sends: scripts by nonce only, no inline style of any kind. */
const policyFor = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self' https:",
    // The shop's embeds, once allowed: YouTube's privacy-enhanced player and Google's map.
    'frame-src https://www.youtube-nocookie.com https://maps.google.com',
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');

/**
 * Serves the shop's pages as a server with a strict Content Security Policy does: a fresh nonce on every
 * page, put where the build left its placeholder, and the policy as a header. Records every violation.
 */
async function underStrictPolicy(visitor: Visitor): Promise<() => Promise<string[]>> {
  await visitor.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  await visitor.context.route(
    (url) => url.hostname === SHOP_HOST,
    async (route) => {
      // Every request of the shop is answered here, not only the pages: Chromium would otherwise treat a
      // page answered by the test as public and refuse its requests to this machine.
      const response = await fetchFromShop(route);
      if (route.request().resourceType() !== 'document') return route.fulfill({ response });
      const nonce = randomBytes(16).toString('base64');
      const body = (await response.text()).replaceAll('CSP_NONCE', nonce);
      await route.fulfill({
        response,
        body,
        headers: { ...response.headers(), 'content-security-policy': policyFor(nonce) },
      });
    },
  );
  return () => visitor.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('given the shop under a strict Content Security Policy', () => {
  test('the banner, the dialog with its scroll lock, Google’s tag, the pixel and the policy page work with no violation', async () => {
    const visitor = await newVisitor();
    const violations = await underStrictPolicy(visitor);
    const { page } = visitor;

    await page.goto(shopHostUrl('/'));
    await expect.poll(() => banner(page, 'fi').isVisible()).toBe(true);
    expect(await violations()).toEqual([]);

    await banner(page, 'fi').getByRole('button', { name: WORDS.fi.settings, exact: true }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    // The page behind the open dialog does not scroll.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await dialog(page).getByRole('button', { name: WORDS.fi.acceptAll }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');

    // Google's tag is inserted with the page's nonce, and runs.
    await expect.poll(() => trackingElements(page)).toContainEqual(expect.stringContaining('googletagmanager'));
    expect(visitor.tracking().some((request) => request.host === 'www.googletagmanager.com')).toBe(true);

    await page.goto(shopHostUrl(`/products/${PRODUCT.id}`));
    await expect.poll(() => trackingElements(page)).toContainEqual(expect.stringContaining('pixel.'));
    await page.locator('figure.rcp-embed iframe').waitFor();
    await page.goto(shopHostUrl('/en/cookies'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    await settingsButton(page, 'en').click();
    await dialog(page).getByRole('button', { name: WORDS.en.rejectAll }).click();
    await settle(page);
    expect(await violations()).toEqual([]);
  });

  test('an embed’s placeholder keeps the embed’s box without any inline style', async () => {
    const visitor = await newVisitor();
    const violations = await underStrictPolicy(visitor);
    const { page } = visitor;
    await page.goto(shopHostUrl(`/en/products/${PRODUCT.id}`));
    const placeholder = page.getByRole('group', { name: WORDS.en.videoFrom });
    await placeholder.waitFor();
    const box = await placeholder.boundingBox();
    expect([Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)]).toEqual([560, 315]);
    expect(await page.locator('figure.rcp-embed [style]').count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
