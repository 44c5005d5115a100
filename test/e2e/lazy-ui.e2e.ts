import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { visitorsForThisFile } from './support/browser';
import {
  banner,
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

/** The shop's production build names each on-demand chunk after the module it starts from. */
const UI_CHUNKS = {
  banner: /\/consent-banner-panel-[\w-]+\.js$/,
  dialog: /\/preferences-dialog-panel-[\w-]+\.js$/,
  policy: /\/cookie-policy-page-[\w-]+\.js$/,
};
type UiPart = keyof typeof UI_CHUNKS;

/** The consent UI parts whose code a page has requested so far. */
function uiRequests(page: Page): () => UiPart[] {
  const seen = new Set<UiPart>();
  page.on('request', (request) => {
    for (const [part, pattern] of Object.entries(UI_CHUNKS)) {
      if (pattern.test(new URL(request.url()).pathname)) seen.add(part as UiPart);
    }
  });
  return () => [...seen].sort();
}

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test('given an undecided visitor / the banner’s code loads with the page, the dialog’s only on Settings', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    const requested = uiRequests(page);
    await page.goto(shopUrl(language));
    await banner(page, language).getByRole('button', { name: words.acceptAll, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(requested()).toEqual(['banner']);
    await banner(page, language).getByRole('button', { name: words.settings, exact: true }).click();
    await dialog(page).waitFor();
    expect(requested()).toEqual(['banner', 'dialog']);
  });

  test('given a returning visitor who decided / no banner, dialog or policy-page code is downloaded', async () => {
    const first = await newVisitor();
    const returning = await newVisitor();
    await first.page.goto(shopUrl(language));
    await banner(first.page, language).getByRole('button', { name: words.rejectAll, exact: true }).click();
    await expect.poll(() => consentCookie(first.page)).not.toBeNull();
    // A new profile with only the consent cookie: a later visit with an empty cache.
    await returning.context.addCookies(await first.context.cookies());
    const { page } = returning;
    const requested = uiRequests(page);
    for (const path of ['/', `/products/${PRODUCT.id}`]) {
      await page.goto(shopUrl(language, path));
      await page.waitForLoadState('networkidle');
      await settle(page);
    }
    expect(await banner(page, language).count()).toBe(0);
    expect(requested()).toEqual([]);
    // The footer's Cookie settings brings the dialog's code, and only then.
    await settingsButton(page, language).click();
    await dialog(page).waitFor();
    expect(requested()).toEqual(['dialog']);
  });
});
