import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import svShop from '../../locales/sv/shop-policy.json';
import { stripTags } from '../../src/i18n/policy-text';
import { CookiePolicy } from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import {
  expectNoAxeViolations,
  findBanner,
  LANGUAGES,
  LIFETIMES,
  renderShop,
  shopPolicy,
  shopStore,
} from './render-shop';

const seed = readFileSync(resolve(process.cwd(), 'test/ui/fixtures/cookie-policy.txt'), 'utf8')
  .split('\n\n')
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph !== '' && paragraph !== 'COOKIES');
// The policy as published in Finnish and English, and the shop's Swedish translation as its file holds it.
const SEED = { fi: seed.slice(0, 7), en: seed.slice(7), sv: svShop.policyText.paragraphs.map(stripTags) };

function renderPolicyPage(options: Parameters<typeof renderShop>[0] = {}) {
  const view = renderShop({ ...options, children: <CookiePolicy headingLevel={2} /> });
  return view;
}

async function findPolicy(title: string) {
  await screen.findByRole('heading', { name: title, level: 2 });
  return screen.getByRole('article', { name: title });
}

describe.each(LANGUAGES)('the cookie policy page in $language', (words) => {
  const language = words.language;

  it('shows the whole policy text of the language, word for word, with lang', async () => {
    renderPolicyPage({ language });
    const page = await findPolicy(words.policyTitle);
    expect(page.getAttribute('lang')).toBe(language);
    const paragraphs = [...page.querySelectorAll(':scope > p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(SEED[language]);
  });

  it('links "here" to the browser guides of Chrome, Firefox, Safari and Edge, and says third-party cookies cannot be deleted here', async () => {
    renderPolicyPage({ language });
    const page = await findPolicy(words.policyTitle);
    const here = within(page).getByRole('link', { name: words.guidesLink });
    const target = document.getElementById(here.getAttribute('href')!.slice(1))!;
    const guides = within(target).getAllByRole('link');
    expect(guides.map((link) => link.textContent)).toEqual([words.chrome, words.firefox, words.safari, words.edge]);
    expect(guides.map((link) => new URL(link.getAttribute('href')!).hostname)).toEqual([
      'support.google.com',
      'support.mozilla.org',
      'support.apple.com',
      'support.microsoft.com',
    ]);
    expect(target.textContent).toContain(words.guidesIntro);
    const google = within(page).getByRole('link', { name: words.gaLink });
    expect(new URL(google.getAttribute('href')!).hostname).toBe('policies.google.com');
  });

  it('lists the categories with lifetime ranges and every storage item in tables, generated from the policy', async () => {
    renderPolicyPage({ language });
    const page = await findPolicy(words.policyTitle);
    // Lifetimes are the policy's durations in Intl's words (format-duration.test.ts), not texts of the UI.
    const necessary = within(page).getByText(words.necessary, { selector: 'li > strong' }).closest('li');
    const lifetime = LIFETIMES[language];
    expect(necessary?.textContent).toContain(`${lifetime['15min']} – ${lifetime['26mo']}`);
    const analytics = within(page).getByText(words.analytics, { selector: 'li > strong' }).closest('li');
    expect(analytics?.textContent).toContain(`${lifetime['30s']} – ${lifetime['26mo']}`);
    const rowNames = within(page)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    // One row per storage item the policy declares, in its order: nothing written twice.
    expect(rowNames).toEqual(shopPolicy.storage.map((item) => item.name));
    const session = within(page).getByRole('row', { name: /^session_id/ });
    expect(session.textContent).toContain(lifetime['15min']);
    await expectNoAxeViolations();
  });

  it('given an undecided visitor / stays readable with the banner open: no overlay, nothing hidden', async () => {
    renderPolicyPage({ language });
    const page = await findPolicy(words.policyTitle);
    await findBanner(words.banner);
    expect(page.closest('[aria-hidden="true"], [inert]')).toBeNull();
    expect(document.querySelector('.rcp-overlay')).toBeNull();
    expect(page.textContent).toContain(words.receiptNone);
    await expectNoAxeViolations();
  });

  it('after accepting / shows the receipt, and Withdraw consent turns every optional category off in one step', async () => {
    const { user, store } = renderPolicyPage({ language });
    await findBanner(words.banner);
    await user.click(screen.getByRole('button', { name: words.acceptAll }));
    const page = await findPolicy(words.policyTitle);
    const record = store.getSnapshot().record!;
    expect(page.textContent).toContain(record.id);
    expect(within(page).getByText(record.id).closest('dd')).toBeTruthy();
    const time = page.querySelector(`time[datetime="${record.decidedAt}"]`);
    expect(time?.textContent).toMatch(/\d/);
    expect(page.querySelector('[data-category="analytics"]')?.textContent).toBe(words.granted);
    await expectNoAxeViolations();

    await user.click(within(page).getByRole('button', { name: words.withdraw }));
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: false,
      analytics: false,
      marketing: false,
    });
    expect(store.getSnapshot().record?.action).toBe('withdraw');
    expect(page.querySelector('[data-category="analytics"]')?.textContent).toBe(words.denied);
    expect(
      within(page)
        .getAllByRole('status')
        .map((status) => status.textContent),
    ).toContain(words.withdrawn);
  });

  it('names Global Privacy Control beside Do Not Track, which the policy text names', async () => {
    renderPolicyPage({ language });
    const page = await findPolicy(words.policyTitle);
    expect(page.textContent).toContain(words.gpcOnPolicyPage);
  });

  it('after rejecting all / says nothing optional was granted, and offers no withdrawal of nothing', async () => {
    const { user } = renderPolicyPage({ language });
    await findBanner(words.banner);
    await user.click(screen.getByRole('button', { name: words.rejectAll }));
    const page = await findPolicy(words.policyTitle);
    expect(within(page).getByText(words.nothingGranted)).toBeTruthy();
    expect(within(page).queryByRole('button', { name: words.withdraw })).toBeNull();
    expect(within(page).getByRole('button', { name: words.change })).toBeTruthy();
    expect(page.textContent).not.toContain(words.withdrawn);
  });

  it('Change settings opens the preferences in one activation', async () => {
    const store = shopStore();
    store.save({ analytics: true });
    const { user } = renderPolicyPage({ language, store });
    const page = await findPolicy(words.policyTitle);
    const change = within(page).getByRole('button', { name: words.change });
    await user.click(change);
    const dialog = await screen.findByRole('dialog', { name: words.dialog });
    expect(within(dialog).getByRole('switch', { name: words.analytics }).getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(change);
  });
});

describe('stored in this browser now', () => {
  const en = CONSENT_WORDS.en;

  it('lists the declared items present, with delete buttons for optional categories only', async () => {
    const store = shopStore();
    store.acceptAll();
    document.cookie = '_ga=GA1.1.123; Path=/';
    document.cookie = 'reco_id=r1; Path=/';
    document.cookie = 'not_declared=1; Path=/';
    localStorage.setItem('cart', '[]');
    const { user } = renderPolicyPage({ language: 'en', store });
    const page = await findPolicy(en.policyTitle);
    const section = within(page).getByRole('heading', { name: en.storedTitle }).closest('section')!;
    const items = within(section)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(items).toEqual(expect.arrayContaining(['cookie_consent', '_ga', 'reco_id', 'cart']));
    expect(items).not.toContain('not_declared');
    expect(within(section).queryByRole('button', { name: en.deleteItem('cart') })).toBeNull();
    expect(within(section).queryByRole('button', { name: en.deleteItem('cookie_consent') })).toBeNull();
    await expectNoAxeViolations();

    await user.click(within(section).getByRole('button', { name: en.deleteItem('reco_id') }));
    expect(document.cookie).not.toContain('reco_id=');
    expect(within(section).getByRole('status').textContent).toBe(en.itemDeleted('reco_id'));
    expect(document.activeElement).toBe(within(section).getByRole('status'));
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('code')?.textContent),
    ).not.toContain('reco_id');
  });

  it('given a visitor who withdraws / the withdrawn categories’ items leave the list', async () => {
    const store = shopStore();
    store.acceptAll();
    document.cookie = '_ga=GA1.1.123; Path=/';
    const { user } = renderPolicyPage({ language: 'en', store });
    const page = await findPolicy(en.policyTitle);
    const section = within(page).getByRole('heading', { name: en.storedTitle }).closest('section')!;
    expect(section.textContent).toContain('_ga');
    await user.click(within(page).getByRole('button', { name: en.withdraw }));
    // The provider's cleanup chunk loads on the first withdrawal.
    await waitFor(() => expect(document.cookie).not.toContain('_ga='));
    await waitFor(() => expect(section.textContent).not.toContain('_ga '));
  });
});

describe('the policy page, given a policy that says who stands behind it', () => {
  it.each(LANGUAGES)(
    'in $language, names the controller, the date of the policy, the privacy policy and each partner with its privacy information',
    async (words) => {
      renderPolicyPage({ language: words.language });
      const page = await findPolicy(words.policyTitle);
      const about = shopPolicy.about!;
      expect(page.textContent).toContain(about.controller.name);
      expect(page.textContent).toContain(about.controller.businessId);
      expect(page.textContent).toContain(about.controller.address);
      expect(page.textContent).toContain(about.controller.contact);
      const date = new Intl.DateTimeFormat(words.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(about.updated),
      );
      expect(page.textContent).toContain(date);
      expect(page.querySelector(`a[href="${about.privacyPolicy}"]`)).toBeTruthy();
      // Each partner, the advertising one included, is named with a link to its privacy information.
      const partners = [
        [words.googleAnalytics, 'https://policies.google.com/privacy'],
        [words.googleAds, 'https://policies.google.com/privacy'],
        [words.adPartner, 'https://adnetwork.example/privacy'],
      ];
      for (const [name, href] of partners) {
        const links = [...page.querySelectorAll(`a[href="${href}"]`)].map((link) => link.textContent);
        expect(
          links.some((text) => text?.includes(name!)),
          name,
        ).toBe(true);
      }
    },
  );
});
