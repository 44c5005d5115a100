import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe';
import { launchBrowser, openVisitor, type Visitor } from './support/browser';
import { LANGUAGES, WORDS } from './support/shop';

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  tags?: string[];
}

const storybookUrl = inject('storybookUrl');

/** Storybook's own report when a story has finished: its play function and its accessibility check. */
interface StoryFinished {
  status: 'success' | 'error';
  reporters: { type: string; status: string; result?: { violations?: { id: string }[] } }[];
}

async function storyEntries(): Promise<IndexEntry[]> {
  if (!storybookUrl) return [];
  const response = await fetch(`${storybookUrl}/index.json`);
  const index = (await response.json()) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

const entries = await storyEntries();

let browser: Browser;
let visitor: Visitor;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openVisitor(browser);
  page = visitor.page;
  // Hear Storybook's channel from its first moment, so that no story's result is missed.
  await visitor.context.addInitScript(() => {
    let channel: unknown;
    const state = window as unknown as { __storyFinished?: unknown; __playError?: unknown };
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(next: { on(event: string, handler: (payload: unknown) => void): void }) {
        channel = next;
        next.on('storyFinished', (payload) => {
          state.__storyFinished = payload;
        });
        next.on('playFunctionThrewException', (error) => {
          state.__playError = error;
        });
      },
    });
  });
});
afterAll(async () => {
  await visitor?.close();
  await browser?.close();
});

describe.skipIf(!storybookUrl || entries.length === 0)('given the built Storybook', () => {
  test('it lists stories for every component and demo', () => {
    const titles = new Set(entries.map((entry) => entry.title));
    expect([...titles]).toEqual(
      expect.arrayContaining([
        'Consent UI/ConsentBanner',
        'Consent UI/PreferencesDialog',
        'Consent UI/CookiePolicy',
        'Consent UI/CookieSettingsButton',
        'Consent UI/ConsentEmbed',
        'Demo/ConsentGate and TrackedPixel',
        'Demo/Whole shop',
      ]),
    );
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    test.each(entries.map((entry) => [`${entry.title} / ${entry.name}`, entry] as const))(
      '%s plays through and axe finds no violations',
      async (_title, { id, name, tags }) => {
        await page.setViewportSize(
          tags?.includes('mobile') ? { width: 360, height: 740 } : { width: 1280, height: 800 },
        );
        await page.goto(`${storybookUrl}/iframe.html?id=${id}&viewMode=story&globals=locale:${language}`);
        const finished = (await page
          .waitForFunction(() => (window as unknown as { __storyFinished?: unknown }).__storyFinished, null, {
            timeout: 20_000,
          })
          .then((handle) => handle.jsonValue())) as StoryFinished;
        const playError = await page.evaluate(() => (window as unknown as { __playError?: unknown }).__playError);
        expect(playError ?? null, 'the play function threw').toBeNull();
        const storybookA11y = finished.reporters
          .filter((report) => report.type === 'a11y')
          .flatMap((report) => report.result?.violations?.map((violation) => violation.id) ?? []);
        expect(storybookA11y, "Storybook's accessibility check").toEqual([]);
        expect(finished.status).toBe('success');

        // The whole frame: dialogs render outside the story's root.
        expect(await axeViolations(page)).toEqual([]);
        // Whatever the story shows carries the language it is in: the toolbar's, unless the story pins one.
        const pinned = { Finnish: 'fi', English: 'en', Swedish: 'sv' } as const;
        const expected = Object.entries(pinned).find(([word]) => name.includes(word))?.[1] ?? language;
        const langs = await page.evaluate(() =>
          [
            document.querySelector('#storybook-root > [lang]'),
            ...document.querySelectorAll('[data-consent-banner], .rcp-policy, [role="dialog"]'),
          ].map((element) => element?.getAttribute('lang') ?? null),
        );
        expect(new Set(langs)).toEqual(new Set([expected]));
      },
    );
  });

  describe.each(LANGUAGES)('in %s, the consent toolbar', (language) => {
    test.each([
      ['undecided', true],
      ['accepted', false],
      ['rejected', false],
      ['custom', false],
      ['gpc', true],
    ] as const)(
      'set to %s shows the whole shop with the banner only while undecided, and axe finds nothing',
      async (state, bannerShown) => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(
          `${storybookUrl}/iframe.html?id=demo-whole-shop--whole-shop&viewMode=story&globals=locale:${language};consent:${state}`,
        );
        await page.waitForFunction(() => (window as unknown as { __storyFinished?: unknown }).__storyFinished, null, {
          timeout: 20_000,
        });
        const { acceptAll } = WORDS[language];
        await expect
          .poll(() => page.getByRole('region').getByRole('button', { name: acceptAll, exact: true }).count())
          .toBe(bannerShown ? 1 : 0);
        expect(await axeViolations(page)).toEqual([]);
      },
    );
  });
});
