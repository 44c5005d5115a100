import type { Locator, Page, Route } from 'playwright-core';
import { matchesStorageName, type StorageKind } from 'react-consent-policy';
import { inject } from 'vitest';
import { products } from '../../../examples/shop/src/products';
import { SHOP_TEXTS } from '../../../examples/shop/src/texts';
import { shopPolicy } from '../../../examples/shop-policy';
import { CONSENT_LANGUAGES, type ConsentLanguage } from '../../../src/i18n/languages';
import { CONSENT_WORDS } from '../../consent-words';
import { SHOP_HOST } from './browser';

export type Language = ConsentLanguage;
export const LANGUAGES: readonly Language[] = CONSENT_LANGUAGES;

/** The shop's own words a test looks for, from its texts file. */
const shopWordsIn = (language: Language) => {
  const texts = SHOP_TEXTS[language];
  return {
    products: texts.nav.products,
    cart: new RegExp(texts.nav.cart),
    addToCart: texts.addToCart,
    contact: texts.nav.contact,
  };
};

/** What a visitor reads in the shop, in each language: the consent UI's words and the shop's own. */
export const WORDS = {
  fi: { ...CONSENT_WORDS.fi, ...shopWordsIn('fi') },
  en: { ...CONSENT_WORDS.en, ...shopWordsIn('en') },
  sv: { ...CONSENT_WORDS.sv, ...shopWordsIn('sv') },
} as const;

/**
 * The shop under a real-looking hostname (`SHOP_HOST`, which the tests' Chromium resolves to this machine),
 * as a shop is served: cookies with a parent Domain work there as they do live.
 */
export function shopHostUrl(path: string): string {
  const { port } = new URL(inject('shopUrl'));
  return `http://${SHOP_HOST}:${port}${path}`;
}

/**
 * What the shop's server answers to a request the browser made to `SHOP_HOST`, fetched from this side by its
 * address (only the browser resolves `SHOP_HOST`): for tests that change a response on its way.
 */
export function fetchFromShop(route: Route) {
  const url = new URL(route.request().url());
  url.host = new URL(inject('shopUrl')).host;
  return route.fetch({ url: url.href });
}

export function shopUrl(language: Language, page = '/'): string {
  const base = inject('shopUrl');
  if (language === 'fi') return `${base}${page}`;
  return `${base}${page === '/' ? `/${language}` : `/${language}${page}`}`;
}

/** Whether a cookie or storage key is declared in the shop's policy for a category the visitor allowed. */
export function declaredFor(name: string, kind: StorageKind, categories: readonly string[]): boolean {
  return shopPolicy.storage.some(
    (item) => item.kind === kind && categories.includes(item.category) && matchesStorageName(item.name, name),
  );
}

export const NECESSARY = shopPolicy.categories.filter((category) => category.required).map((category) => category.name);

/** The banner: the region that holds the three first-layer buttons. */
export function banner(page: Page, language: Language) {
  return page.getByRole('region').filter({ has: page.getByRole('button', { name: WORDS[language].acceptAll }) });
}

/** The preferences dialog. */
export function dialog(page: Page) {
  return page.getByRole('dialog');
}

/** The footer's Cookie settings control, present on every page. */
export function settingsButton(page: Page, language: Language) {
  return page.getByRole('contentinfo').getByRole('button', { name: WORDS[language].cookieSettings });
}

/** The consent cookie's raw value, or null. */
export async function consentCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === shopPolicy.cookie.name)?.value ?? null;
}

/** Google's `consent` commands in the page's dataLayer, as [command, type, state] triples. */
export async function consentCommands(page: Page): Promise<[string, string, Record<string, string>][]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? [])
      .map((entry) => Array.from(entry as ArrayLike<unknown>))
      .filter((entry) => entry[0] === 'consent')
      .map((entry) => entry as [string, string, Record<string, string>]),
  );
}

/** The tracking elements a page can hold: Google's tag and pixel images. */
export async function trackingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('script[src], img[src]')]
      .map((element) => (element as HTMLScriptElement | HTMLImageElement).src)
      .filter((src) => /googletagmanager|google-analytics|pixel\./.test(src)),
  );
}

/** The product the tests open (the first in the list): its page carries the marketing pixel. */
export const PRODUCT = products[0]!;

/** Gives the page time to do anything it would do on its own (timers, late effects). */
export function settle(page: Page, ms = 400): Promise<void> {
  return page.waitForTimeout(ms);
}

/**
 * Clicks a control of the page the way a visitor does while the banner is open: scrolls it up into the
 * part of the screen the banner leaves free (the banner reserves that room), then clicks it.
 */
export async function clickOnPage(locator: Locator, options: { timeout?: number } = {}): Promise<void> {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start', inline: 'nearest' }));
  await locator.click(options);
}

/** After a choice the banner stays as a short confirmation; the visitor hides it with its own button. */
export async function hideConfirmation(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: WORDS[language].hideConfirmation }).click();
}
