import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_WORDS } from '../consent-words';
import { expectNoAxeViolations, findBanner, LANGUAGES, renderShop, shopStore } from './render-shop';

const STYLES = readFileSync(resolve(process.cwd(), 'src/ui/styles.css'), 'utf8');
const { fi, en, sv } = CONSENT_WORDS;

afterEach(() => {
  document.head.querySelectorAll('style[data-test]').forEach((style) => {
    style.remove();
  });
  document.documentElement.style.scrollPaddingBottom = '';
});

describe.each(LANGUAGES)('the banner in $language', (words) => {
  const language = words.language;

  it('given an undecided visitor / shows a labelled region with three buttons on one layer', async () => {
    renderShop({ language });
    const banner = await findBanner(words.banner);
    expect(banner.tagName).toBe('SECTION');
    expect(banner).toHaveProperty('lang', language);
    const buttons = within(banner)
      .getAllByRole('button')
      .filter((button) => !button.closest('fieldset'));
    expect(buttons.map((button) => button.textContent)).toEqual([words.acceptAll, words.rejectAll, words.settings]);
    for (const button of buttons) expect(button.tagName).toBe('BUTTON');
    // Equal weight: Accept and Reject carry exactly the same classes (one style).
    expect(buttons[0]?.className).toBe(buttons[1]?.className);
    expect(screen.queryByRole('dialog')).toBeNull();
    await expectNoAxeViolations();
  });

  it('given an undecided visitor / names each purpose and the third parties, says how to withdraw and links to the policy', async () => {
    renderShop({ language });
    const banner = await findBanner(words.banner);
    const text = banner.textContent ?? '';
    for (const purpose of [words.necessary, words.personalization, words.analytics, words.marketing]) {
      expect(text).toContain(purpose);
    }
    expect(text).toContain(words.googleAnalytics);
    expect(text).toContain(words.googleAds);
    expect(text).toContain(words.adPartner);
    expect(text).toContain(words.anyTime);
    expect(text).toContain(words.cookieSettings);
    const link = within(banner).getByRole('link', { name: words.policyLink });
    expect(link.getAttribute('href')).toBe('/cookies');
  });

  it('after clicking Accept all / everything optional is granted and a status says so, with focus on it', async () => {
    const { user, store } = renderShop({ language });
    const banner = await findBanner(words.banner);
    await user.click(within(banner).getByRole('button', { name: words.acceptAll }));
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: true,
      analytics: true,
      marketing: true,
    });
    const status = within(banner).getByRole('status');
    expect(status.textContent).toBe(words.accepted);
    expect(document.activeElement).toBe(status);
    expect(within(banner).queryByRole('button', { name: words.acceptAll })).toBeNull();
    await expectNoAxeViolations();
  });

  it('after clicking Reject all / nothing optional is granted, the status says so and can be hidden without dropping focus', async () => {
    const { user, store } = renderShop({ language });
    const banner = await findBanner(words.banner);
    await user.click(within(banner).getByRole('button', { name: words.rejectAll }));
    expect(store.getSnapshot()).toMatchObject({
      status: 'decided',
      choices: { necessary: true, personalization: false, analytics: false, marketing: false },
    });
    expect(within(banner).getByRole('status').textContent).toContain(words.rejected);
    await expectNoAxeViolations();
    await user.click(within(banner).getByRole('button', { name: words.hideConfirmation }));
    expect(screen.queryByRole('region', { name: words.banner })).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});

describe('the banner and the page', () => {
  it('given a visitor who has decided / renders no banner at all', async () => {
    const store = shopStore();
    store.rejectAll();
    renderShop({ language: 'en', store });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.querySelector('[data-consent-banner]')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('given a decision in a later page view / the banner does not return', async () => {
    const first = renderShop({ language: 'en', store: shopStore() });
    await findBanner(en.banner);
    await first.user.click(screen.getByRole('button', { name: en.rejectAll }));
    first.unmount();
    // The next page reads the consent cookie the first one wrote.
    renderShop({ language: 'en', store: shopStore() });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByRole('region', { name: en.banner })).toBeNull();
  });

  it('is not modal: the page stays usable, its controls come first and Tab from its last control reaches the page', async () => {
    const { user } = renderShop({ language: 'en' });
    const banner = await findBanner(en.banner);
    expect(banner.getAttribute('aria-modal')).toBeNull();
    expect(screen.getByRole('main').closest('[aria-hidden="true"]')).toBeNull();
    expect(screen.getByRole('main').closest('[inert]')).toBeNull();

    await user.tab();
    expect(banner.contains(document.activeElement)).toBe(true);
    const controls = [...banner.querySelectorAll<HTMLElement>('a[href], button')];
    for (let i = 1; i < controls.length; i++) await user.tab();
    expect(document.activeElement).toBe(controls.at(-1));
    await user.tab();
    // The page's own links (shop-page.tsx), not words of the consent UI.
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'For Minis And Mommies' }));

    // Clicking a page link while the banner shows works and grants nothing.
    await user.click(screen.getByRole('link', { name: 'Products' }));
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Products' }));
  });

  it('with the stylesheet / a fixed banner reserves its height and room below the page, so no focused element hides behind it', async () => {
    const style = document.createElement('style');
    style.dataset.test = '';
    style.textContent = STYLES;
    document.head.append(style);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return DOMRect.fromRect({ x: 0, y: 500, width: 800, height: this.matches('.rcp-banner') ? 180 : 20 });
    });
    const { user } = renderShop({ language: 'en' });
    const banner = await findBanner(en.banner);
    expect(getComputedStyle(banner).position).toBe('fixed');
    await waitFor(() => expect(document.documentElement.style.scrollPaddingBottom).toBe('180px'));
    // Room to scroll the page's last element (its footer) above the banner.
    const spacer = document.body.lastElementChild as HTMLElement;
    expect(spacer.hasAttribute('data-consent-banner-spacer')).toBe(true);
    expect(spacer.style.height).toBe('180px');
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
    await user.click(screen.getByRole('button', { name: en.acceptAll }));
    await user.click(screen.getByRole('button', { name: en.hideConfirmation }));
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    expect(document.querySelector('[data-consent-banner-spacer]')).toBeNull();
  });

  it('given Global Privacy Control / says the signal is honored, and Accept all leaves third parties off', async () => {
    const { user, store } = renderShop({ language: 'en', signals: { gpc: true } });
    const banner = await findBanner(en.banner);
    expect(banner.textContent).toContain(en.gpc);
    expect(banner.textContent).toContain(en.signalHonoured);
    await user.click(within(banner).getByRole('button', { name: en.acceptAll }));
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: true,
      analytics: false,
      marketing: false,
    });
    expect(within(banner).getByRole('status').textContent).toContain(en.acceptedWithSignal);
    await expectNoAxeViolations();
  });

  it('given Do Not Track in Finnish / says the signal is honored', async () => {
    renderShop({ language: 'fi', signals: { dnt: true } });
    const banner = await findBanner(fi.banner);
    expect(banner.textContent).toContain(fi.dnt);
    expect(banner.textContent).toContain(fi.signalHonoured);
  });

  it('given both signals / lists them as the language does and agrees with their number', async () => {
    renderShop({ language: 'fi', signals: { gpc: true, dnt: true } });
    const banner = await findBanner(fi.banner);
    expect(banner.textContent).toContain(`yksityisyyssignaalit ${fi.gpc} ja ${fi.dnt}, ja noudatamme niitä`);
  });

  it('when the library owns the language / the language switch changes every consent text and its lang', async () => {
    const { user } = renderShop({ language: 'fi' });
    const banner = await findBanner(fi.banner);
    const switcher = within(banner).getByRole('group', { name: fi.languageSwitch });
    expect(within(switcher).getByRole('button', { name: fi.finnish }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(switcher).getByRole('button', { name: fi.english }));
    // The English texts load on demand; until then the Finnish ones stay, with their own lang.
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('en'));
    expect(within(banner).getByRole('heading').textContent).toBe(en.banner);
    expect(screen.getByRole('button', { name: en.cookieSettings }).getAttribute('lang')).toBe('en');
    await user.click(within(banner).getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog', { name: en.dialog });
    expect(dialog.getAttribute('lang')).toBe('en');
  });

  it('when the library owns the language / the switch offers Svenska, and the dialog then speaks Swedish, its details loaded', async () => {
    const { user } = renderShop({ language: 'fi' });
    const banner = await findBanner(fi.banner);
    const switcher = within(banner).getByRole('group', { name: fi.languageSwitch });
    expect(
      within(switcher)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual([fi.finnish, fi.english, fi.swedish]);
    await user.click(within(switcher).getByRole('button', { name: fi.swedish }));
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('sv'));
    expect(within(banner).getByRole('heading').textContent).toBe(sv.banner);
    expect(screen.getByRole('button', { name: sv.cookieSettings }).getAttribute('lang')).toBe('sv');
    await user.click(within(banner).getByRole('button', { name: sv.settings }));
    const dialog = await screen.findByRole('dialog', { name: sv.dialog });
    expect(dialog.getAttribute('lang')).toBe('sv');
    expect(within(dialog).getByRole('button', { name: sv.save })).toBeTruthy();
  });

  it('after a reset / the banner shows again', async () => {
    const { user, store } = renderShop({ language: 'en' });
    await findBanner(en.banner);
    await user.click(screen.getByRole('button', { name: en.acceptAll }));
    await user.click(screen.getByRole('button', { name: en.hideConfirmation }));
    act(() => store.reset());
    const banner = await findBanner(en.banner);
    expect(within(banner).getByRole('button', { name: en.acceptAll })).toBeTruthy();
  });
});
