import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useConsent } from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { expectNoAxeViolations, findBanner, LANGUAGES, LIFETIMES, renderShop, shopStore } from './render-shop';

function OpenFromCode() {
  const { openPreferences } = useConsent();
  return (
    <button type="button" onClick={openPreferences}>
      Open from code
    </button>
  );
}

describe.each(LANGUAGES)('the preferences dialog in $language', (words) => {
  const language = words.language;

  async function openFromBanner() {
    const view = renderShop({ language });
    const banner = await findBanner(words.banner);
    const settings = within(banner).getByRole('button', { name: words.settings });
    await view.user.click(settings);
    const dialog = await screen.findByRole('dialog', { name: words.dialog });
    return { ...view, banner, settings, dialog };
  }

  it('opened from the banner / is a labelled modal dialog with focus inside and every optional switch off', async () => {
    const { dialog } = await openFromBanner();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('lang')).toBe(language);
    const heading = within(dialog).getByRole('heading', { level: 2 });
    expect(dialog.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(heading.textContent).toBe(words.dialog);
    expect(dialog.contains(document.activeElement)).toBe(true);

    for (const name of [words.personalization, words.analytics, words.marketing]) {
      const toggle = within(dialog).getByRole('switch', { name });
      expect(toggle.getAttribute('aria-checked')).toBe('false');
      expect(toggle).toHaveProperty('disabled', false);
    }
    await expectNoAxeViolations();
  });

  it('opened / shows necessary as always on, disabled, with the reason', async () => {
    const { dialog } = await openFromBanner();
    const necessary = within(dialog).getByRole('switch', { name: words.necessary });
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    expect(necessary).toHaveProperty('disabled', true);
    const reasons = (necessary.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    expect(reasons.join(' ')).toContain(words.necessaryReason);
  });

  it('after switching analytics on and saving / only analytics is granted and the banner confirms it', async () => {
    const { user, dialog, store, banner } = await openFromBanner();
    await user.click(within(dialog).getByRole('switch', { name: words.analytics }));
    expect(within(dialog).getByRole('switch', { name: words.analytics }).getAttribute('aria-checked')).toBe('true');
    await user.click(within(dialog).getByRole('button', { name: words.save }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: false,
      analytics: true,
      marketing: false,
    });
    expect(store.getSnapshot().record?.action).toBe('custom');
    const status = within(banner).getByRole('status');
    expect(status.textContent).toContain(words.saved);
    // The banner's Settings button is gone: focus goes to the confirmation, not to the document body.
    expect(document.activeElement).toBe(status);
  });

  it('after pressing Escape / nothing is granted, the visitor stays undecided and focus returns to Settings', async () => {
    const { user, dialog, store, banner } = await openFromBanner();
    await user.click(within(dialog).getByRole('switch', { name: words.marketing }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getSnapshot().status).toBe('undecided');
    expect(store.getSnapshot().choices.marketing).toBe(false);
    expect(document.activeElement).toBe(within(banner).getByRole('button', { name: words.settings }));
  });

  it('after the close button / nothing is granted', async () => {
    const { user, dialog, store } = await openFromBanner();
    await user.click(within(dialog).getByRole('switch', { name: words.personalization }));
    await user.click(within(dialog).getByRole('button', { name: words.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getSnapshot().status).toBe('undecided');
    expect(Object.values(store.getSnapshot().choices).filter(Boolean)).toHaveLength(1);
  });

  it('given a decided visitor / the footer settings button opens the dialog in one activation with the saved choices', async () => {
    const store = shopStore();
    store.save({ personalization: true });
    const { user } = renderShop({ language, store });
    const footerButton = screen.getByRole('button', { name: words.cookieSettings });
    expect(footerButton.getAttribute('lang')).toBe(language);
    await user.click(footerButton);
    const dialog = await screen.findByRole('dialog', { name: words.dialog });
    expect(within(dialog).getByRole('switch', { name: words.personalization }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(within(dialog).getByRole('switch', { name: words.analytics }).getAttribute('aria-checked')).toBe('false');
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(footerButton);
    expect(store.getSnapshot().choices.personalization).toBe(true);
  });

  it('opened / lists each category’s storage items with kind, party, lifetime and purpose', async () => {
    const { user, dialog } = await openFromBanner();
    const analytics = within(dialog).getByRole('switch', { name: words.analytics }).closest('section')!;
    await user.click(within(analytics as HTMLElement).getByText(words.details));
    const table = within(analytics as HTMLElement).getByRole('table');
    // The tag manager stores nothing: it says so, with no empty table.
    expect(analytics?.textContent).toContain(words.storesNothing);
    const row = within(table).getByRole('row', { name: /^_gid/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    // Lifetimes are the policy's durations in Intl's words (format-duration.test.ts), not texts of the UI.
    expect(cells).toEqual([words.cookieKind, words.firstParty, LIFETIMES[language]['24h'], words.gidPurpose]);
    const marketing = within(dialog).getByRole('switch', { name: words.marketing }).closest('section') as HTMLElement;
    const adRow = within(marketing).getByRole('row', { hidden: true, name: /^ad_id/ });
    expect(adRow.textContent).toContain(words.thirdParty);
    expect(adRow.textContent).toContain(LIFETIMES[language]['26mo']);
    await expectNoAxeViolations();
  });
});

describe('the preferences dialog', () => {
  const { fi, en } = CONSENT_WORDS;

  it('keeps Tab inside: from the last control Tab wraps to the first, and Shift+Tab back', async () => {
    const { user } = renderShop({ language: 'en' });
    await findBanner(en.banner);
    await user.click(screen.getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog');
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), summary, a[href]')];
    const first = focusable[0]!;
    const last = focusable.at(-1)!;
    last.focus();
    await user.tab();
    expect(document.activeElement).toBe(first);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
    for (let i = 0; i < focusable.length + 2; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('saving with nothing switched on gives exactly the state of Reject all', async () => {
    const saved = renderShop({ language: 'en', store: shopStore() });
    await findBanner(en.banner);
    await saved.user.click(screen.getByRole('button', { name: en.settings }));
    await saved.user.click(await screen.findByRole('button', { name: en.save }));
    const afterSave = saved.store.getSnapshot();
    saved.unmount();
    document.cookie = 'cookie_consent=; Max-Age=0; Path=/';

    const rejected = renderShop({ language: 'en', store: shopStore() });
    await findBanner(en.banner);
    await rejected.user.click(screen.getByRole('button', { name: en.rejectAll }));
    const afterReject = rejected.store.getSnapshot();

    expect(afterSave.status).toBe('decided');
    expect(afterSave.choices).toEqual(afterReject.choices);
    expect(afterSave.record?.action).toBe(afterReject.record?.action);
  });

  it('Accept all and Reject all in the dialog decide and close it', async () => {
    const { user, store } = renderShop({ language: 'fi' });
    await findBanner(fi.banner);
    await user.click(screen.getByRole('button', { name: fi.settings }));
    await user.click(await screen.findByRole('button', { name: fi.acceptAll }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(Object.values(store.getSnapshot().choices).every(Boolean)).toBe(true);
    await user.click(screen.getByRole('button', { name: fi.cookieSettings }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: fi.rejectAll }));
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: false,
      analytics: false,
      marketing: false,
    });
  });

  it('opens from openPreferences() of useConsent, and focus returns to that control', async () => {
    const store = shopStore();
    store.rejectAll();
    const { user } = renderShop({ language: 'en', store, children: <OpenFromCode /> });
    const opener = screen.getByRole('button', { name: 'Open from code' });
    await user.click(opener);
    await screen.findByRole('dialog', { name: en.dialog });
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(opener);
  });

  it('given Do Not Track / says so, yet the visitor can switch marketing on explicitly', async () => {
    const store = shopStore({ dnt: true });
    const { user } = renderShop({ language: 'en', store });
    await findBanner(en.banner);
    await user.click(screen.getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(en.dnt);
    await user.click(within(dialog).getByRole('switch', { name: en.marketing }));
    await user.click(within(dialog).getByRole('button', { name: en.save }));
    expect(store.getSnapshot().choices.marketing).toBe(true);
  });

  it('after accepting with one activation / the visitor withdraws from any page by Cookie settings, then Reject all', async () => {
    const { user, store } = renderShop({ language: 'en' });
    await findBanner(en.banner);
    await user.click(screen.getByRole('button', { name: en.acceptAll }));
    expect(store.getSnapshot().choices.marketing).toBe(true);

    await user.click(screen.getByRole('button', { name: en.cookieSettings }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: en.rejectAll }));
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      personalization: false,
      analytics: false,
      marketing: false,
    });
    expect(store.getSnapshot().record?.action).toBe('withdraw');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is mounted once and loads its code only when first opened', async () => {
    const store = shopStore();
    store.rejectAll();
    renderShop({ language: 'en', store });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.querySelector('.rcp-dialog')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the preferences dialog given a privacy signal', () => {
  it('points to the switches below, not to the Settings the visitor is already in', async () => {
    const { en } = CONSENT_WORDS;
    const { user } = renderShop({ language: 'en', signals: { gpc: true } });
    const banner = await findBanner(en.banner);
    expect(banner.textContent).toContain('in Settings');
    await user.click(within(banner).getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog', { name: en.dialog });
    expect(dialog.textContent).toContain('unless you switch them on yourself below');
    expect(dialog.textContent).not.toContain('in Settings');
  });
});
