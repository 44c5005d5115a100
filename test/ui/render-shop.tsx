import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { CONSENT_LANGUAGES, type ConsentLanguage } from '../../src/i18n/languages';
import { type Category, type ConsentStore, createConsentStore } from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { ShopPage } from './shop-page';

export { shopPolicy };

export interface ShopOptions {
  language?: ConsentLanguage;
  i18n?: object;
  signals?: { gpc?: boolean; dnt?: boolean };
  store?: ConsentStore<Category>;
  /** Rendered inside the page's main content. */
  children?: ReactNode;
}

/** A fresh store for the shop's policy, with no cross-tab channel and no privacy signal unless given. */
export function shopStore(signals: ShopOptions['signals'] = {}): ConsentStore<Category> {
  return createConsentStore(shopPolicy, { sync: false, signals });
}

/** A page of the shop as the app would mount it: banner, page content, footer settings button, dialog. */
export function renderShop({ language, i18n, signals, store = shopStore(signals), children }: ShopOptions = {}) {
  document.title = 'For Minis And Mommies';
  document.documentElement.lang = language ?? 'fi';
  const user = userEvent.setup();
  const view = render(
    <ShopPage store={store} language={language} i18n={i18n}>
      {children}
    </ShopPage>,
  );
  return { ...view, user, store };
}

/** The banner region, once its code has loaded. */
export function findBanner(name: RegExp | string) {
  return screen.findByRole('region', { name });
}

/**
 * axe-core on the whole document, with zero violations expected. Colour contrast is left to the browser
 * tests: jsdom computes no colours.
 */
export async function expectNoAxeViolations(context: Element | Document = document) {
  const results = await axe.run(context, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}

/** Every language, each with the words a visitor reads in it. */
export const LANGUAGES = CONSENT_LANGUAGES.map((language) => ({ language, ...CONSENT_WORDS[language] }));

/**
 * The shop's lifetimes as a visitor reads them in each language (Intl's words, format-duration.test.ts):
 * written out here so that a test of the tables does not compute what it checks.
 */
export const LIFETIMES: Readonly<Record<ConsentLanguage, Record<'15min' | '30s' | '24h' | '26mo', string>>> = {
  fi: { '15min': '15 minuuttia', '30s': '30 sekuntia', '24h': '24 tuntia', '26mo': '26 kuukautta' },
  en: { '15min': '15 minutes', '30s': '30 seconds', '24h': '24 hours', '26mo': '26 months' },
  sv: { '15min': '15 minuter', '30s': '30 sekunder', '24h': '24 timmar', '26mo': '26 månader' },
};
