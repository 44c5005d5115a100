import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, WCAG_TAGS } from './support/axe';
import { visitorsForThisFile } from './support/browser';
import {
  banner,
  clickOnPage,
  consentCookie,
  dialog,
  LANGUAGES,
  PRODUCT,
  settingsButton,
  settle,
  shopUrl,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

/** What has focus: its accessible role, text and where it sits. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName ?? null,
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      inBanner: Boolean(element?.closest('[data-consent-banner]')),
      inDialog: Boolean(element?.closest('[role="dialog"]')),
      isBody: element === document.body,
    };
  });
}

async function tabUntil(page: Page, done: (state: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
  for (let step = 1; step <= max; step += 1) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return step;
  }
  throw new Error(`focus never got there in ${max} presses of Tab`);
}

const SHOP_PAGES = ['/', '/products', `/products/${PRODUCT.id}`, '/cart', '/cookies'];

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test('given a keyboard-only visitor / Tab reaches the banner first, Settings opens the dialog with focus inside, Tab stays inside, Escape closes it, grants nothing and returns focus (A4, H26, H27)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language));
    await banner(page, language).waitFor();

    // The banner's controls come early: before any control of the page itself.
    const first = await tabUntil(page, (state) => state.inBanner, 3);
    expect(first).toBeLessThanOrEqual(3);
    await tabUntil(page, (state) => state.text === words.settings);
    await page.keyboard.press('Enter');

    const preferences = dialog(page);
    await preferences.waitFor();
    expect(await preferences.getAttribute('aria-modal')).toBe('true');
    const labelledBy = await preferences.getAttribute('aria-labelledby');
    expect(labelledBy).toBeTruthy();
    const heading = page.locator(`[id="${labelledBy}"]`);
    expect(await heading.isVisible()).toBe(true);
    expect((await heading.textContent())?.trim()).toBe(words.dialog);
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);

    // Tab wraps inside the dialog: 40 presses never leave it.
    for (let step = 0; step < 40; step += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog, `Tab ${step + 1}`).toBe(true);
    }
    // Every optional category starts off for an undecided visitor (C10); necessary is on and cannot change (H28).
    for (const name of [words.analytics, words.marketing]) {
      const toggle = preferences.getByRole('switch', { name });
      expect(await toggle.getAttribute('aria-checked')).toBe('false');
      expect(await toggle.isDisabled()).toBe(false);
    }
    const necessary = preferences.getByRole('switch', { name: words.necessary });
    expect(await necessary.getAttribute('aria-checked')).toBe('true');
    expect(await necessary.isDisabled()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => preferences.count()).toBe(0);
    await expect.poll(async () => (await focused(page)).text).toBe(words.settings);
    expect(await consentCookie(page), 'Escape granted nothing').toBeNull();
    expect(await banner(page, language).isVisible()).toBe(true);

    // The banner is not modal: Tab from its last control reaches the page (A5, H27).
    expect(await banner(page, language).getAttribute('aria-modal')).toBeNull();
    await tabUntil(page, (state) => !state.inBanner && !state.isBody);
    expect(visitor.tracking()).toEqual([]);
  });

  test('given the dialog opened from the banner / its close button grants nothing and the page stays usable behind the banner (A4, A5)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language));
    await banner(page, language).getByRole('button', { name: words.settings, exact: true }).click();
    await dialog(page).getByRole('button', { name: words.close }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await consentCookie(page)).toBeNull();
    // With the banner open, the shop's links work.
    await clickOnPage(page.getByRole('navigation').getByRole('link', { name: words.products, exact: true }));
    await page.getByRole('heading', { level: 1, name: words.products }).waitFor();
    expect(await banner(page, language).isVisible()).toBe(true);
    expect(visitor.tracking()).toEqual([]);
  });

  test('given the banner open / every shop page has lang set right and axe finds no violations; nor in the open dialog (H28, H29)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    for (const path of SHOP_PAGES) {
      await page.goto(shopUrl(language, path));
      await banner(page, language).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe(language);
      expect(await banner(page, language).getAttribute('lang'), path).toBe(language);
      // Cookie settings is on every page (D16).
      expect(await settingsButton(page, language).count(), path).toBe(1);
      expect(await axeViolations(page, { tags: [...WCAG_TAGS, 'best-practice'] }), path).toEqual([]);
    }
    await banner(page, language).getByRole('button', { name: words.settings, exact: true }).click();
    await dialog(page).waitFor();
    // Expand every category's details, so that their tables are checked too.
    for (const summary of await dialog(page).locator('summary, [aria-expanded="false"]').all()) await summary.click();
    await page.waitForTimeout(300);
    expect(await axeViolations(page), 'dialog').toEqual([]);
  });
});

describe.each(LANGUAGES)('in %s, with the mouse', (language) => {
  test.each([
    ['desktop', { width: 1280, height: 800 }],
    ['mobile', { width: 390, height: 844 }],
  ] as const)(
    'given the banner open on %s / the footer’s Cookie settings can still be clicked, scrolled into view (A5, H31)',
    async (_device, viewport) => {
      const visitor = await newVisitor({ viewport });
      const { page } = visitor;
      await page.goto(shopUrl(language, '/cart'));
      await banner(page, language).waitFor();
      await page.mouse.wheel(0, 10_000);
      await settle(page);
      // Nothing of the page may be left for ever under the banner: the last control is clickable.
      await clickOnPage(settingsButton(page, language), { timeout: 3000 });
      await dialog(page).waitFor({ timeout: 2000 });
    },
  );
});

describe.each(LANGUAGES)('in %s, with a dark colour scheme', (language) => {
  test('given a visitor whose system is dark / the banner and the dialog keep their contrast and axe finds nothing (B7, H28)', async () => {
    const visitor = await newVisitor({ colorScheme: 'dark' });
    const { page } = visitor;
    await page.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    await banner(page, language).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await banner(page, language).getByRole('button', { name: WORDS[language].settings, exact: true }).click();
    await dialog(page).waitFor();
    await page.waitForTimeout(300);
    expect(await axeViolations(page)).toEqual([]);
  });
});
