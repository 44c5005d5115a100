import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy, shopTexts } from '../../examples/shop-policy';
import type { ConsentLanguage } from '../../src/i18n/languages';
import {
  type Category,
  ConsentEmbed,
  type ConsentEmbedProps,
  ConsentProvider,
  type ConsentRecord,
  type ConsentStore,
  createConsentStore,
  googleMapsEmbed,
  vimeoEmbed,
  youtubeEmbed,
} from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';
import { expectNoAxeViolations, LANGUAGES } from './render-shop';

const VIDEO: ConsentEmbedProps = {
  service: 'youtube',
  src: youtubeEmbed('aqz-KE-bpKQ'),
  title: 'How to tie a baby wrap',
  width: 560,
  height: 315,
  kind: 'video',
};
const MAP: ConsentEmbedProps = {
  service: 'google-maps',
  src: googleMapsEmbed('Esimerkkikatu 1, 00100 Helsinki'),
  title: 'Map: Esimerkkikatu 1, Helsinki',
  width: 600,
  height: 400,
  kind: 'map',
};

interface Options {
  language?: ConsentLanguage;
  embeds?: ConsentEmbedProps[];
  store?: ConsentStore<Category>;
}

function renderEmbeds({ language = 'fi', embeds = [VIDEO], store }: Options = {}) {
  const records: ConsentRecord[] = [];
  const shopStore =
    store ?? createConsentStore(shopPolicy, { sync: false, onDecision: (record) => records.push(record) });
  document.documentElement.lang = language;
  document.title = 'For Minis And Mommies';
  const view = render(
    <ConsentProvider policy={shopPolicy} texts={shopTexts} store={shopStore} language={language}>
      <main>
        {embeds.map((embed, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <ConsentEmbed key={index} {...embed} />
        ))}
      </main>
    </ConsentProvider>,
  );
  return { ...view, store: shopStore, records, user: userEvent.setup() };
}

const frames = () => document.querySelectorAll('iframe');

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  document.cookie.split(';').forEach((cookie) => {
    document.cookie = `${cookie.split('=')[0]?.trim()}=; Max-Age=0; Path=/`;
  });
});

describe('given an embed whose category is not granted', () => {
  it.each(LANGUAGES)(
    'in $language / says who the service is, what it stores, where it sends data, and offers two choices',
    async (words) => {
      renderEmbeds({ language: words.language, embeds: [VIDEO, MAP] });
      const video = await screen.findByRole('group', { name: words.videoFrom });
      expect(video.getAttribute('lang')).toBe(words.language);
      expect(video.textContent).toContain('yt-remote-*');
      expect(video.textContent).toContain('www.youtube-nocookie.com');
      const privacy = within(video).getByRole('link', { name: words.embedPrivacy(words.youtube) });
      expect(privacy.getAttribute('href')).toBe('https://policies.google.com/privacy');
      within(video).getByRole('button', { name: words.loadVideo });
      within(video).getByRole('button', { name: words.allowMarketing });
      const map = await screen.findByRole('group', { name: words.mapFrom });
      within(map).getByRole('button', { name: words.loadMap });
      expect(map.textContent).toContain('NID');
      expect(frames()).toHaveLength(0);
      await expectNoAxeViolations();
    },
  );

  it('names the embed by its title, and keeps its box: an SVG with its width, height and ratio, no style attribute', async () => {
    renderEmbeds();
    const figure = screen.getByRole('figure', { name: VIDEO.title });
    const sizer = figure.querySelector('svg');
    expect(sizer?.getAttribute('viewBox')).toBe('0 0 560 315');
    expect([sizer?.getAttribute('width'), sizer?.getAttribute('height')]).toEqual(['560', '315']);
    expect(figure.outerHTML).not.toContain('style=');
  });

  it('on the server / renders the box without a style attribute and no iframe', () => {
    const html = renderToString(
      <ConsentProvider policy={shopPolicy} texts={shopTexts} language="en">
        <ConsentEmbed {...VIDEO} />
      </ConsentProvider>,
    );
    expect(html).toContain('viewBox="0 0 560 315"');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('style=');
  });

  it('after Reject all / still renders no iframe', async () => {
    const { store } = renderEmbeds();
    act(() => store.rejectAll());
    await screen.findByRole('button', { name: CONSENT_WORDS.fi.loadVideo });
    expect(frames()).toHaveLength(0);
  });

  describe('after "Load this video"', () => {
    it('renders that one iframe, focused, records nothing, and another embed of the same service stays a placeholder', async () => {
      const { user, store, records } = renderEmbeds({ language: 'en', embeds: [VIDEO, { ...VIDEO, title: 'Second' }] });
      const [first] = await screen.findAllByRole('button', { name: CONSENT_WORDS.en.loadVideo });
      await user.click(first!);
      expect(frames()).toHaveLength(1);
      const frame = frames()[0]!;
      expect(frame.getAttribute('src')).toBe(VIDEO.src);
      expect(frame.getAttribute('title')).toBe(VIDEO.title);
      expect(document.activeElement).toBe(frame);
      expect(screen.getAllByRole('button', { name: CONSENT_WORDS.en.loadVideo })).toHaveLength(1);
      expect(store.getSnapshot().status).toBe('undecided');
      expect(store.getSnapshot().choices.marketing).toBe(false);
      expect(records).toEqual([]);
      expect(document.cookie).not.toContain(shopPolicy.cookie.name);
    });

    it('a later refusal removes the iframe again', async () => {
      const { user, store } = renderEmbeds({ language: 'en' });
      await user.click(await screen.findByRole('button', { name: CONSENT_WORDS.en.loadVideo }));
      expect(frames()).toHaveLength(1);
      act(() => store.rejectAll());
      expect(frames()).toHaveLength(0);
      await screen.findByRole('button', { name: CONSENT_WORDS.en.loadVideo });
    });
  });

  describe('after "Always allow: Marketing"', () => {
    it('makes a decision with its record and onDecision, and every embed of the category loads', async () => {
      const { user, store, records } = renderEmbeds({ language: 'sv', embeds: [VIDEO, MAP] });
      const [allow] = await screen.findAllByRole('button', { name: CONSENT_WORDS.sv.allowMarketing });
      await user.click(allow!);
      await vi.waitFor(() => expect(frames()).toHaveLength(2));
      expect(store.getSnapshot().choices.marketing).toBe(true);
      expect(store.getSnapshot().choices.analytics).toBe(false);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ action: 'custom', language: 'sv', choices: { marketing: true } });
      expect(records[0]?.textHash).toMatch(/^[0-9a-f]{64}$/);
      expect(document.activeElement).toBe(frames()[0]);
    });
  });
});

describe('given marketing granted', () => {
  it('renders the iframe in the same box, and a withdrawal removes it', async () => {
    const store = createConsentStore(shopPolicy, { sync: false });
    store.save({ marketing: true });
    renderEmbeds({ store });
    expect(frames()).toHaveLength(1);
    const frame = frames()[0]!;
    expect([frame.getAttribute('width'), frame.getAttribute('height')]).toEqual(['560', '315']);
    expect(frame.closest('figure')?.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 560 315');
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    // jsdom's frames cannot take axe's messages: the page around the iframe is checked, and the iframe's title.
    const results = await axe.run(document, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    act(() => store.save({ marketing: false }));
    expect(frames()).toHaveLength(0);
    await screen.findByRole('button', { name: CONSENT_WORDS.fi.loadVideo });
  });

  it.each([
    ['an unknown service', { service: 'vimeo' as ConsentEmbedProps['service'] }, 'declares no service "vimeo"'],
    ['a src that is not https', { src: 'http://www.youtube-nocookie.com/embed/aqz-KE-bpKQ' }, 'is not https'],
    [
      'a src on a host the service does not declare',
      { src: 'https://evil.example/embed/x' },
      'evil.example is not among the hosts',
    ],
    ['a src that is no address', { src: 'youtube-nocookie.com/embed/x' }, 'is not an absolute address'],
  ])(
    'with %s / never renders the iframe: the placeholder stays without choices, and an error says why',
    async (_, props, why) => {
      const store = createConsentStore(shopPolicy, { sync: false });
      store.acceptAll();
      renderEmbeds({ store, embeds: [{ ...VIDEO, ...props }] });
      await screen.findByText(new RegExp(CONSENT_WORDS.fi.embedUnavailable.replace('.', '\\.')));
      expect(frames()).toHaveLength(0);
      expect(screen.queryByRole('button')).toBeNull();
      expect(errors.mock.calls.flat().join('\n')).toContain(why);
    },
  );
});

describe('on the server, with the request’s consent cookie', () => {
  it('renders the iframe where marketing is granted, the box only where it is not', async () => {
    const store = createConsentStore(shopPolicy, { sync: false });
    store.save({ marketing: true });
    await vi.waitFor(() => expect(document.cookie).toContain(shopPolicy.cookie.name));
    const page = (cookieHeader: string) =>
      renderToString(
        <ConsentProvider policy={shopPolicy} texts={shopTexts} language="fi" cookieHeader={cookieHeader}>
          <ConsentEmbed {...VIDEO} />
        </ConsentProvider>,
      );
    const granted = page(document.cookie);
    expect(granted).toContain(`<iframe class="rcp-embed__frame" src="${VIDEO.src}"`);
    expect(granted).not.toContain('style=');
    expect(page('')).not.toContain('<iframe');
  });
});

describe('the address helpers', () => {
  it('give the private forms of YouTube, Vimeo and Google Maps embeds', () => {
    expect(youtubeEmbed('aqz-KE-bpKQ')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(vimeoEmbed('76979871')).toBe('https://player.vimeo.com/video/76979871?dnt=1');
    expect(googleMapsEmbed(' Esimerkkikatu 1, Helsinki ')).toBe(
      'https://maps.google.com/maps?q=Esimerkkikatu%201%2C%20Helsinki&output=embed',
    );
  });

  it('refuse what is not an id or a place, naming the helper', () => {
    expect(() => youtubeEmbed('https://youtu.be/aqz-KE-bpKQ')).toThrow(/youtubeEmbed/);
    expect(() => youtubeEmbed('abc')).toThrow(/youtubeEmbed/);
    expect(() => vimeoEmbed('12a')).toThrow(/vimeoEmbed/);
    expect(() => googleMapsEmbed('  ')).toThrow(/googleMapsEmbed/);
    expect(() => googleMapsEmbed('a\nb')).toThrow(/googleMapsEmbed/);
  });
});
