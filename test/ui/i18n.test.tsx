import { createHash } from 'node:crypto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/shop-policy.json';
import fi from '../../locales/fi/shop-policy.json';
import {
  type Category,
  ConsentBanner,
  ConsentProvider,
  type ConsentRecord,
  type ConsentStore,
  CookiePolicy,
  CookieSettingsButton,
  createConsentStore,
} from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { findBanner, renderShop, shopPolicy } from './render-shop';

async function appInstance(language: string, resources: Record<string, Record<string, object>> = {}): Promise<I18n> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { translation: { hello: 'Hello' }, ...resources.en },
      fi: { translation: { hello: 'Hei' }, ...resources.fi },
    },
  });
  return instance;
}

/** The full policy text a visitor reads: the shop's title and paragraphs, without their link tags. */
function fullText(file: { policyText: { title: string; paragraphs: readonly string[] } }) {
  const strip = (text: string) => text.replace(/<\/?[A-Za-z]+>/g, '');
  return [file.policyText.title, ...file.policyText.paragraphs.map(strip)].join('\n\n');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const words = CONSENT_WORDS;

describe('texts through the app’s i18next instance', () => {
  it('given an instance in react-i18next’s context / shows its language and adds the texts as a namespace without clobbering', async () => {
    const app = await appInstance('en', { en: { consent: { banner: { acceptAll: 'Accept everything' } } } });
    const store = createConsentStore(shopPolicy, { sync: false });
    render(
      <I18nextProvider i18n={app}>
        <ConsentProvider policy={shopPolicy} store={store}>
          <ConsentBanner inline />
        </ConsentProvider>
      </I18nextProvider>,
    );
    const banner = await findBanner(words.en.banner);
    expect(banner.getAttribute('lang')).toBe('en');
    // The app's own wording wins; the rest comes from the bundled texts.
    expect(within(banner).getByRole('button', { name: 'Accept everything' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: words.en.rejectAll })).toBeTruthy();
    expect(app.t('hello')).toBe('Hello');
    expect(app.getResource('fi', 'consent', 'banner.rejectAll')).toBe(words.fi.rejectAll);
    // The app owns the language: no switch of the library's.
    expect(within(banner).queryByRole('group')).toBeNull();

    await act(() => app.changeLanguage('fi'));
    expect(banner.getAttribute('lang')).toBe('fi');
    expect(within(banner).getByRole('heading').textContent).toBe(words.fi.banner);
  });

  it('given an instance as the provider’s i18n prop / the footer button follows its language too', async () => {
    const app = await appInstance('fi');
    const { store } = renderShop({ i18n: app });
    const banner = await findBanner(words.fi.banner);
    expect(banner.getAttribute('lang')).toBe('fi');
    expect(screen.getByRole('button', { name: words.fi.cookieSettings }).getAttribute('lang')).toBe('fi');
    await act(() => app.changeLanguage('en'));
    expect(screen.getByRole('button', { name: words.en.cookieSettings }).getAttribute('lang')).toBe('en');
    // The banner switches once the shop's English texts have arrived.
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('en'));
    expect(store.getSnapshot().status).toBe('undecided');
  });

  it('given an app in a language the files do not cover / shows its fallback language and says so in lang', async () => {
    const app = await appInstance('sv');
    renderShop({ i18n: app });
    const banner = await findBanner(words.en.banner);
    expect(banner.getAttribute('lang')).toBe('en');
  });

  it('given a translation with markup / renders <script> and <img onerror> as text', async () => {
    const app = await appInstance('en', {
      en: {
        consent: {
          banner: {
            intro: 'Hi <script>alert(1)</script> there',
            withdraw: 'Withdraw <img src="x" onerror="alert(1)"> in <em>Cookie settings</em><script>alert(2)</script>',
          },
          policyText: {
            paragraphs: [
              'Policy <script>alert(3)</script> <img src=x onerror=alert(4)>',
              'Read <evil>this</evil> and <guidesLink>the guides</guidesLink>.',
            ],
            links: { evil: 'javascript:alert(5)' },
          },
        },
      },
    });
    renderShop({ i18n: app, children: <CookiePolicy headingLevel={2} /> });
    const banner = await findBanner(words.en.banner);
    await screen.findByRole('heading', { name: words.en.policyTitle, level: 2 });
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[onerror]')).toBeNull();
    expect(banner.textContent).toContain('Hi <script>alert(1)</script> there');
    expect(banner.textContent).toContain('<script>');
    expect(screen.getByRole('article').textContent).toContain('<script>');
    // A link of the shop's to anything but https, http, mailto or the site itself stays text.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByRole('article').textContent).toContain('<evil>this</evil>');
    expect(screen.getByRole('link', { name: 'the guides' }).getAttribute('href')).toBe('#consent-browser-guides');
    // The tags the library fills still work: around the app's own words in its withdraw text above.
    expect(within(banner).getByText('Cookie settings').tagName).toBe('STRONG');
  });
});

describe('texts through the library’s own instance', () => {
  /** The banner and the footer's button under a provider whose `language` prop the test sets. */
  const bannerAndButton = (store: ConsentStore<Category>) => (language: string) => (
    <ConsentProvider policy={shopPolicy} store={store} language={language}>
      <ConsentBanner inline />
      <CookieSettingsButton />
    </ConsentProvider>
  );

  it('follows the provider’s language prop, also when it changes', async () => {
    const page = bannerAndButton(createConsentStore(shopPolicy, { sync: false }));
    const { rerender } = render(page('en'));
    const banner = await findBanner(words.en.banner);
    expect(banner.getAttribute('lang')).toBe('en');
    rerender(page('fi'));
    expect(screen.getByRole('button', { name: words.fi.cookieSettings }).getAttribute('lang')).toBe('fi');
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('fi'));
    expect(within(banner).getByRole('heading').textContent).toBe(words.fi.banner);
  });

  it('the visitor’s pick holds across re-renders until the app changes the language prop; then the app wins', async () => {
    const page = bannerAndButton(createConsentStore(shopPolicy, { sync: false }));
    const { rerender } = render(page('en-GB'));
    const banner = await findBanner(words.en.banner);
    act(() => within(banner).getByRole('button', { name: words.en.finnish }).click());
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('fi'));
    expect(screen.getByRole('button', { name: words.fi.cookieSettings }).getAttribute('lang')).toBe('fi');
    rerender(page('en-GB'));
    expect(banner.getAttribute('lang')).toBe('fi');
    rerender(page('en'));
    await waitFor(() => expect(banner.getAttribute('lang')).toBe('en'));
    expect(screen.getByRole('button', { name: words.en.cookieSettings }).getAttribute('lang')).toBe('en');
  });

  it('given an app instance initialized after the first render / the texts follow it once it is ready', async () => {
    const app = createInstance();
    renderShop({ i18n: app });
    await findBanner(words.fi.banner);
    await act(() => app.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: {} } } }));
    const banner = await findBanner(words.en.banner);
    expect(banner.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('button', { name: words.en.cookieSettings }).getAttribute('lang')).toBe('en');
  });
});

/** Lets the SHA-256 of the text shown (Web Crypto, asynchronous) finish. */
const hashed = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

describe('proof of consent', () => {
  it('each decision carries the language shown and the SHA-256 of that language’s full policy text', async () => {
    const records: ConsentRecord[] = [];
    const store = createConsentStore(shopPolicy, { sync: false, onDecision: (record) => records.push(record) });
    const { user } = renderShop({ language: 'en', store });
    const banner = await findBanner(words.en.banner);
    await hashed();
    await user.click(within(banner).getByRole('button', { name: words.en.rejectAll }));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ language: 'en', textHash: sha256(fullText(en)), action: 'reject-all' });

    act(() => store.reset());
    await user.click(within(await findBanner(words.en.banner)).getByRole('button', { name: words.en.finnish }));
    const accept = await screen.findByRole('button', { name: words.fi.acceptAll });
    await hashed();
    await user.click(accept);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ language: 'fi', textHash: sha256(fullText(fi)), action: 'accept-all' });
    expect(records[1]?.textHash).not.toBe(records[0]?.textHash);
  });

  it('a decision in the instant the banner shows carries the hash: the banner shows once it is known', async () => {
    const records: ConsentRecord[] = [];
    const store = createConsentStore(shopPolicy, { sync: false, onDecision: (record) => records.push(record) });
    const { user } = renderShop({ language: 'fi', store });
    const banner = await findBanner(words.fi.banner);
    await user.click(within(banner).getByRole('button', { name: words.fi.acceptAll }));
    expect(records[0]).toMatchObject({ language: 'fi', textHash: sha256(fullText(fi)), action: 'accept-all' });
    expect(records[0]?.textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given an app that words the policy text itself / the hash covers the words shown, its own and ours', async () => {
    const app = await appInstance('en', { en: { consent: { policyText: { title: 'Our cookies' } } } });
    const records: ConsentRecord[] = [];
    const store = createConsentStore(shopPolicy, { sync: false, onDecision: (record) => records.push(record) });
    const contexts: { textHash?: string }[] = [];
    const setRecordContext = store.setRecordContext;
    store.setRecordContext = (context) => {
      contexts.push(context);
      setRecordContext(context);
    };
    const { user } = renderShop({ i18n: app, store });
    const banner = await findBanner(words.en.banner);
    await waitFor(() => expect(contexts.at(-1)?.textHash).toBeDefined());
    await user.click(within(banner).getByRole('button', { name: words.en.rejectAll }));
    const shown = { ...en, policyText: { ...en.policyText, title: 'Our cookies' } };
    expect(records[0]).toMatchObject({ language: 'en', textHash: sha256(fullText(shown)) });
  });
});
