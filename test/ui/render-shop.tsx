import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { type Category, type ConsentStore, createConsentStore } from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { ShopPage } from './shop-page';

export { shopPolicy };

export interface ShopOptions {
  language?: 'fi' | 'en';
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

/** Both languages, each with the words a visitor reads in it. */
export const LANGUAGES = (['fi', 'en'] as const).map((language) => ({ language, ...CONSENT_WORDS[language] }));
