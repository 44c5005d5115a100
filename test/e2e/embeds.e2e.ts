import type { Locator, Page } from 'playwright-core';
import { readConsentCookie } from 'react-consent-policy/core';
import { describe, expect, test } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { axeViolations } from './support/axe';
import { visitorsForThisFile } from './support/browser';
import { banner, clickOnPage, consentCookie, LANGUAGES, PRODUCT, settle, shopUrl, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

/** The hosts the policy declares for the shop's embeds: none of them hears of a visitor who has not allowed it. */
const hostsOf = (id: string) => shopPolicy.services.find((service) => service.id === id)?.hosts ?? [];
const EMBED_HOSTS = [...hostsOf('youtube'), ...hostsOf('google-maps')];
const VIDEO_HOST = 'www.youtube-nocookie.com';
const MAP_HOST = 'maps.google.com';

const box = (locator: Locator) =>
  locator.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return {
      x: Math.round(x),
      y: Math.round(y + window.scrollY),
      width: Math.round(width),
      height: Math.round(height),
    };
  });

/** Presses Tab until `target` has focus, as a keyboard user gets there; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

describe.each(LANGUAGES)('in %s, a product page with a YouTube video', (language) => {
  const words = WORDS[language];

  test('before any choice and after Reject all, the video is a placeholder in the visitor’s language, sized, labelled, and nothing is requested from YouTube', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    const placeholder = page.getByRole('group', { name: words.videoFrom });
    await placeholder.waitFor();
    expect(await placeholder.getAttribute('lang')).toBe(language);
    await expect.poll(() => placeholder.getByRole('button', { name: words.loadVideo }).count()).toBe(1);
    expect(await placeholder.getByRole('button', { name: words.allowMarketing }).count()).toBe(1);
    const figure = page.locator('figure.rcp-embed');
    expect(await figure.getAttribute('aria-label')).toContain(PRODUCT.name[language]);
    // Its box: 560 px wide where there is room, 315 high, and the placeholder fills it.
    const outer = await box(figure);
    expect(outer.width).toBe(560);
    expect(outer.height).toBe(315);
    expect(await box(placeholder)).toEqual(outer);
    expect(await axeViolations(page, { include: 'figure.rcp-embed' })).toEqual([]);

    await banner(page, language).getByRole('button', { name: words.rejectAll }).click();
    await page.reload();
    await page.getByRole('group', { name: words.videoFrom }).waitFor();
    await settle(page, 800);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(visitor.external.filter((request) => EMBED_HOSTS.includes(request.host))).toEqual([]);
  });
});

test('in a dark system colour scheme, the placeholder still passes axe (contrast included)', async () => {
  const visitor = await newVisitor({ colorScheme: 'dark' });
  const { page } = visitor;
  await page.goto(shopUrl('fi', `/products/${PRODUCT.id}`));
  await page.getByRole('group', { name: WORDS.fi.videoFrom }).waitFor();
  expect(await axeViolations(page, { include: 'figure.rcp-embed' })).toEqual([]);
});

describe('the product video, by keyboard', () => {
  const language = 'en';
  const words = WORDS[language];

  test('Load brings that video only, into the same box, with focus on it, and nothing is recorded', async () => {
    const visitor = await newVisitor({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page } = visitor;
    await page.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    const load = page.getByRole('button', { name: words.loadVideo });
    await load.waitFor();
    const figure = page.locator('figure.rcp-embed');
    // On a phone the box is as wide as the page's column, and keeps the ratio 560:315.
    const before = await box(figure);
    expect(before.width).toBeLessThan(560);
    expect(Math.abs(before.height - (before.width * 315) / 560)).toBeLessThanOrEqual(1);
    const footer = await box(page.getByRole('contentinfo'));

    await tabTo(page, load);
    await page.keyboard.press('Enter');
    const frame = page.locator('figure.rcp-embed iframe');
    await frame.waitFor();
    expect(await frame.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await box(frame)).toEqual(before);
    expect(await box(figure)).toEqual(before);
    // Nothing below moved: no layout shift.
    expect(await box(page.getByRole('contentinfo'))).toEqual(footer);
    await expect.poll(() => visitor.external.filter((request) => request.host === VIDEO_HOST).length).toBe(1);
    await settle(page);
    expect(visitor.external.filter((request) => EMBED_HOSTS.includes(request.host)).map((r) => r.host)).toEqual([
      VIDEO_HOST,
    ]);
    expect(await consentCookie(page)).toBeNull();
    // The banner still asks: loading one video was not a choice.
    expect(await banner(page, language).getByRole('button', { name: words.acceptAll }).count()).toBe(1);
  });

  test('Always allow: Marketing is a decision: the consent cookie grants marketing only, and the video loads', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    const allow = page.getByRole('button', { name: words.allowMarketing });
    await allow.waitFor();
    await tabTo(page, allow);
    await page.keyboard.press('Enter');
    await page.locator('figure.rcp-embed iframe').waitFor();
    await expect.poll(() => consentCookie(page)).not.toBeNull();
    const value = await consentCookie(page);
    const snapshot = readConsentCookie(shopPolicy, `${shopPolicy.cookie.name}=${value}`);
    expect(snapshot.status).toBe('decided');
    expect(snapshot.choices).toMatchObject({ marketing: true, analytics: false, personalization: false });
    await expect.poll(() => visitor.external.filter((request) => request.host === VIDEO_HOST).length).toBe(1);
  });
});

describe('the contact page’s map', () => {
  test.each(LANGUAGES)(
    'in %s, is reached from the footer, asks nothing of Google before a choice, and Load brings the map',
    async (language) => {
      const words = WORDS[language];
      const visitor = await newVisitor();
      const { page } = visitor;
      await page.goto(shopUrl(language));
      await clickOnPage(page.getByRole('contentinfo').getByRole('link', { name: words.contact }));
      await expect.poll(() => page.url()).toMatch(/\/contact$/);
      const placeholder = page.getByRole('group', { name: words.mapFrom });
      await placeholder.waitFor();
      await settle(page);
      expect(visitor.external.filter((request) => EMBED_HOSTS.includes(request.host))).toEqual([]);
      const before = await box(page.locator('figure.rcp-embed'));
      expect([before.width, before.height]).toEqual([600, 400]);
      expect(await axeViolations(page, { include: 'figure.rcp-embed' })).toEqual([]);

      await clickOnPage(placeholder.getByRole('button', { name: words.loadMap }));
      const frame = page.locator('figure.rcp-embed iframe');
      await frame.waitFor();
      expect(await box(frame)).toEqual(before);
      await expect.poll(() => visitor.external.filter((request) => request.host === MAP_HOST).length).toBe(1);
    },
  );
});
