import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { secondShopPolicy } from '../../examples/second-shop/policy';
import { SecondShopPage } from '../../examples/second-shop/second-shop-page';
import texts from '../../examples/second-shop/texts.en.json';
import {
  ConsentProvider,
  CookiePolicy,
  createConsentStore,
  definePolicy,
  missingPolicyTexts,
  type RegisteredPolicy,
} from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { firstShopWords } from '../first-shop-words';

describe('given a second shop: two categories, English only, its own words', () => {
  it('covers its policy with its texts', () => {
    expect(missingPolicyTexts(secondShopPolicy, texts)).toEqual([]);
  });

  it('the banner, the dialog and the policy page speak only its words, in English, with no language switch', async () => {
    document.documentElement.lang = 'fi';
    const user = userEvent.setup();
    render(<SecondShopPage />);
    const en = CONSENT_WORDS.en;
    const banner = await screen.findByRole('region', { name: en.banner });
    // The page says Finnish, but the shop speaks English only: English it is.
    expect(banner.getAttribute('lang')).toBe('en');
    expect(within(banner).getByText('Essential')).toBeTruthy();
    expect(within(banner).getByText('Statistics')).toBeTruthy();
    expect(within(banner).queryByRole('group')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Cookies at Pine & Paper' })).toBeTruthy();
    expect(screen.getByText('Visit statistics kept on our own server; nothing is shared with anyone.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'below' }).getAttribute('href')).toBe('#consent-browser-guides');

    await user.click(within(banner).getByRole('button', { name: en.settings }));
    const dialog = await screen.findByRole('dialog', { name: en.dialog });
    expect(within(dialog).getByRole('switch', { name: /Statistics/ })).toBeTruthy();
    expect(within(dialog).getAllByText('Groups the pages of one visit.').length).toBeGreaterThan(0);

    // A shop without third parties has no third-party tags for a signal to keep off.
    expect(document.body.textContent).not.toContain('Global Privacy Control');
    const page = document.body.textContent ?? '';
    for (const word of firstShopWords()) expect(page, word).not.toContain(word);
  });

  it('saves its own categories in its own cookie', async () => {
    const store = createConsentStore(secondShopPolicy, { sync: false });
    const user = userEvent.setup();
    render(<SecondShopPage store={store} />);
    const banner = await screen.findByRole('region', { name: CONSENT_WORDS.en.banner });
    await user.click(within(banner).getByRole('button', { name: CONSENT_WORDS.en.acceptAll }));
    expect(store.getSnapshot().choices).toEqual({ necessary: true, statistics: true });
    expect(document.cookie).toMatch(/(^|; )pp_consent=1\./);
  });
});

describe('given texts that leave out a storage item', () => {
  const policy = definePolicy({
    revision: 1,
    categories: { necessary: { required: true, lifetime: { min: '1h', max: '1y' } } },
    services: { shop: { category: 'necessary', storage: [{ name: 'basket', kind: 'localStorage', lifetime: '7d' }] } },
  });
  const partial = {
    categories: { necessary: { name: 'Essential', description: 'Keeps the shop working.' } },
    services: { shop: { name: 'The shop', description: 'The shop itself.' } },
    storage: {},
    policyText: { title: 'Cookies', paragraphs: ['We keep a basket.'] },
  };

  it('says which text is missing in development, and shows the service’s name instead of an empty cell', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(missingPolicyTexts(policy, partial)).toEqual(['storage.basket']);
    render(
      <ConsentProvider
        policy={policy as unknown as RegisteredPolicy}
        store={createConsentStore(policy, { sync: false }) as never}
        texts={{ en: partial }}
        language="en"
      >
        <CookiePolicy />
      </ConsentProvider>,
    );
    const cell = await screen.findByRole('rowheader', { name: 'basket' });
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').at(-1)?.textContent).toBe('The shop');
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('lack storage.basket')));
  });
});
