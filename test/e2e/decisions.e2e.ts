import { describe, expect, test } from 'vitest';
import { TRACKING_COOKIE, type Visitor, visitorsForThisFile } from './support/browser';
import {
  banner,
  clickOnPage,
  consentCommands,
  consentCookie,
  dialog,
  hideConfirmation,
  LANGUAGES,
  PRODUCT,
  settingsButton,
  settle,
  shopUrl,
  trackingElements,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

const PIXEL_HOST = 'pixel.adnetwork.example';
const isGoogle = (host: string) => host.endsWith('googletagmanager.com') || host.endsWith('google-analytics.com');

async function visit(visitor: Visitor, url: string) {
  await visitor.page.goto(url);
  await visitor.page.waitForLoadState('networkidle');
}

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test('given an undecided visitor / the banner offers Accept all, Reject all and Settings as buttons of equal look (B6-B7)', async () => {
    const visitor = await newVisitor();
    await visit(visitor, shopUrl(language));
    const region = banner(visitor.page, language);
    await expect.poll(() => region.isVisible()).toBe(true);
    for (const name of [words.acceptAll, words.rejectAll, words.settings]) {
      const button = region.getByRole('button', { name, exact: true });
      expect(await button.count(), name).toBe(1);
      expect(await button.evaluate((element) => element.tagName)).toBe('BUTTON');
    }
    const look = (name: string) =>
      region.getByRole('button', { name, exact: true }).evaluate((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          fontSize: style.fontSize,
          fontWeight: style.fontWeight,
          fontFamily: style.fontFamily,
          padding: style.padding,
          border: `${style.borderWidth} ${style.borderStyle} ${style.borderColor}`,
          borderRadius: style.borderRadius,
          color: style.color,
          backgroundColor: style.backgroundColor,
          textDecoration: style.textDecorationLine,
          width: Math.round(box.width),
          height: Math.round(box.height),
        };
      });
    const accept = await look(words.acceptAll);
    expect(await look(words.rejectAll)).toEqual(accept);
    expect(accept.height).toBeGreaterThanOrEqual(24);
  });

  test('given a visitor who rejects all / nothing is tracked on later pages and the banner stays away, after reload too (D14, D17)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await visit(visitor, shopUrl(language));
    await banner(page, language).getByRole('button', { name: words.rejectAll, exact: true }).click();
    await expect.poll(() => consentCookie(page)).not.toBeNull();

    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: words.products, exact: true }));
    await expect.poll(() => banner(page, language).count()).toBe(0);
    await clickOnPage(page.getByRole('link', { name: PRODUCT.name[language] }));
    await page.getByRole('heading', { level: 1, name: PRODUCT.name[language] }).waitFor();
    await visit(visitor, shopUrl(language, '/cart'));
    expect(await banner(page, language).count(), 'banner after reload').toBe(0);
    await visit(visitor, shopUrl(language, `/products/${PRODUCT.id}`));
    await settle(page, 600);

    expect(visitor.tracking()).toEqual([]);
    expect(await trackingElements(page)).toEqual([]);
    expect((await visitor.cookieNames()).filter((name) => TRACKING_COOKIE.test(name))).toEqual([]);
    expect((await visitor.storageKeys()).local).not.toContain('recently_viewed');
  });

  test('given a visitor who accepts all / Google Analytics and the pixel load; withdrawing from Cookie settings removes them and stops all requests (D14-D16)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await visit(visitor, shopUrl(language, `/products/${PRODUCT.id}`));
    expect(visitor.tracking(), 'before the choice').toEqual([]);
    // Before any choice, Google's consent state is denied by default (Consent Mode, basic mode: no tag).
    const [first] = await consentCommands(page);
    expect(first?.[1]).toBe('default');
    expect(first?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });

    // Accepting takes one activation.
    await banner(page, language).getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => visitor.tracking().some((request) => request.url.includes('/gtag/js'))).toBe(true);
    await expect
      .poll(() => visitor.tracking().some((request) => request.url.includes('google-analytics.com/g/collect')))
      .toBe(true);
    await expect
      .poll(() => visitor.tracking().some((request) => request.host === PIXEL_HOST && request.url.includes(PRODUCT.id)))
      .toBe(true);
    await expect.poll(async () => (await visitor.cookieNames()).includes('_ga')).toBe(true);
    expect(await page.locator(`img[src^="https://${PIXEL_HOST}/"]`).count()).toBe(1);

    // Personalization now remembers the product being viewed.
    await expect.poll(async () => (await visitor.storageKeys()).local).toContain('recently_viewed');

    // Withdrawing takes no more activations: Cookie settings, then Reject all.
    await hideConfirmation(page, language);
    await clickOnPage(settingsButton(page, language));
    const preferences = dialog(page);
    await preferences.waitFor();
    await preferences.getByRole('button', { name: words.rejectAll, exact: true }).click();
    await expect.poll(() => preferences.count()).toBe(0);

    await expect.poll(() => page.locator(`img[src^="https://${PIXEL_HOST}/"]`).count()).toBe(0);
    // The pixel images are gone; the ad partner's marked-up tag script, once run, stays (a script cannot be
    // unloaded): that nothing more reaches its host is checked below.
    expect(
      await trackingElements(page).then((sources) =>
        sources.filter((src) => src.includes(PIXEL_HOST) && !src.endsWith('/tag.js')),
      ),
    ).toEqual([]);
    const updates = await consentCommands(page);
    expect(updates.at(-1)?.[1]).toBe('update');
    expect(updates.at(-1)?.[2]).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
    await expect
      .poll(async () => (await visitor.cookieNames()).filter((name) => TRACKING_COOKIE.test(name)))
      .toEqual([]);
    await expect.poll(async () => (await visitor.storageKeys()).local).not.toContain('recently_viewed');

    // From now on nothing more reaches a tracking host, whatever the visitor does.
    const before = visitor.tracking().length;
    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: words.products, exact: true }));
    await clickOnPage(page.getByRole('link', { name: PRODUCT.name[language] }));
    await page.getByRole('heading', { level: 1, name: PRODUCT.name[language] }).waitFor();
    await visit(visitor, shopUrl(language, `/products/${PRODUCT.id}`));
    await settle(page, 600);
    expect(visitor.tracking().slice(before)).toEqual([]);
    expect(visitor.tracking().filter((request) => isGoogle(request.host)).length).toBeGreaterThan(0);
  });

  test('given a visitor who accepted / after a reload the choice holds: no banner, and the pixel loads again (D17)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await visit(visitor, shopUrl(language));
    await banner(page, language).getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => consentCookie(page)).not.toBeNull();
    await visit(visitor, shopUrl(language, `/products/${PRODUCT.id}`));
    expect(await banner(page, language).count()).toBe(0);
    await expect.poll(() => page.locator(`img[src^="https://${PIXEL_HOST}/"]`).count()).toBe(1);
    // The stored state is sent to Google as an update on every page load.
    const commands = await consentCommands(page);
    expect(commands.map((command) => command[1]).slice(0, 2)).toEqual(['default', 'update']);
    expect(commands[1]?.[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' });
  });

  test('given Global Privacy Control / the banner says so, and Accept all loads no third-party tag or pixel (G24)', async () => {
    const visitor = await newVisitor({ gpc: true });
    const { page } = visitor;
    await visit(visitor, shopUrl(language, `/products/${PRODUCT.id}`));
    await expect.poll(() => banner(page, language).getByText(words.gpc).count()).toBeGreaterThan(0);
    await banner(page, language).getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => consentCookie(page)).not.toBeNull();
    await settle(page, 600);
    expect(visitor.tracking()).toEqual([]);
    expect(await trackingElements(page)).toEqual([]);
  });
});
