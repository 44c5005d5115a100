import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import enBanner from '../../locales/en/consent.json';
import enDetails from '../../locales/en/consent-details.json';
import enShop from '../../locales/en/shop-policy.json';
import fiBanner from '../../locales/fi/consent.json';
import fiDetails from '../../locales/fi/consent-details.json';
import fiShop from '../../locales/fi/shop-policy.json';
import { missingPolicyTexts } from '../../src/core/policy-texts';
import { stripTags } from '../../src/i18n/policy-text';
import { SETTINGS_BUTTON_LABELS } from '../../src/i18n/settings-button-label';
import { shopPolicy } from './render-shop';

/** Every dotted key of a locale file with its text. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

/** Both files of a language, deep, as the `consent` namespace holds them once both have joined it. */
function both<A extends object, B extends object>(banner: A, details: B): A & B {
  const out: Record<string, unknown> = { ...(banner as Record<string, unknown>) };
  for (const [key, value] of Object.entries(details)) {
    const mine = out[key];
    out[key] = typeof mine === 'object' && mine !== null ? both(mine, value as object) : value;
  }
  return out as A & B;
}
const fi = both(fiBanner, fiDetails);
const en = both(enBanner, enDetails);
const PAIRS: [object, object][] = [
  [fiBanner, fiDetails],
  [enBanner, enDetails],
];

const files = { fi: leaves(fi), en: leaves(en) };
// The shop's published policy text, as the shop gave it.
const seed = readFileSync(resolve(process.cwd(), 'test/ui/fixtures/cookie-policy.txt'), 'utf8');

/** The tags the texts may use; each is filled by a component (`renderTagged`), never read as HTML. */
const COMPONENT_TAGS = new Set(['name', 'em', 'guidesLink', 'gaLink']);
const shop = { fi: leaves(fiShop), en: leaves(enShop) };

describe('the library’s locale files', () => {
  it('have exactly the same keys in Finnish and English, file by file', () => {
    for (const [finnish, english] of [
      [fiBanner, enBanner],
      [fiDetails, enDetails],
    ] as [object, object][]) {
      expect([...leaves(finnish).keys()].sort()).toEqual([...leaves(english).keys()].sort());
    }
  });

  it('split a language in two without overlap: the banner’s words, and the details (dialog, tables, policy page)', () => {
    for (const [banner, details] of PAIRS) {
      const bannerKeys = new Set(leaves(banner).keys());
      expect([...leaves(details).keys()].filter((key) => bannerKeys.has(key))).toEqual([]);
      expect(Object.keys(banner).sort()).toEqual(
        ['banner', 'confirmation', 'languages', 'settingsButton', 'signals'].sort(),
      );
    }
  });

  it('hold only what any shop needs: none of this shop’s words, names or policy text', () => {
    const library = JSON.stringify([fi, en]).toLowerCase();
    const own = [...shop.fi.values(), ...shop.en.values()].filter((text) => text.length > 30);
    for (const text of own) expect(library, text).not.toContain(text.toLowerCase());
    for (const name of ['minis', 'mommies', 'google analytics', 'ostoskori', 'shopping cart', 'pixel', 'pikseli']) {
      expect(library, name).not.toContain(name);
    }
  });

  it('have no empty text', () => {
    for (const [language, texts] of Object.entries(files)) {
      for (const [key, text] of texts) expect(text.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders and tags in both languages', () => {
    const marks = (text: string) => [...text.matchAll(/{{\s*\w+\s*}}|<\/?\w+>/g)].map((match) => match[0]).sort();
    for (const [key, text] of files.fi) expect(marks(files.en.get(key) ?? ''), key).toEqual(marks(text));
  });

  it('hold no HTML: the only tags are the ones components fill', () => {
    for (const texts of Object.values(files)) {
      for (const [key, text] of texts) {
        for (const match of text.matchAll(/<\/?([A-Za-z][\w-]*)[^>]*>/g)) {
          expect(COMPONENT_TAGS.has(match[1] ?? ''), `${key}: ${match[0]}`).toBe(true);
        }
      }
    }
  });

  it('never speak of legitimate interest', () => {
    for (const texts of Object.values(files)) {
      for (const text of texts.values())
        expect(text).not.toMatch(/legitimate interest|oikeutettu etu|oikeutetun edun/i);
    }
  });

  it('link the official help pages of Chrome, Firefox, Safari and Edge', () => {
    const hosts = {
      chrome: 'support.google.com',
      firefox: 'support.mozilla.org',
      safari: 'support.apple.com',
      edge: 'support.microsoft.com',
    };
    for (const file of [fi, en]) {
      for (const [browser, host] of Object.entries(hosts)) {
        const url = new URL(file.policy.guides[browser as keyof typeof hosts].href);
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toBe(host);
      }
    }
  });

  it('give the footer button the same label the settings button code shows', () => {
    expect(SETTINGS_BUTTON_LABELS).toEqual({ fi: fi.settingsButton.label, en: en.settingsButton.label });
  });
});

describe('the shop’s own texts (locales/<language>/shop-policy.json)', () => {
  it('have exactly the same keys in Finnish and English, and no empty text', () => {
    expect([...shop.fi.keys()].sort()).toEqual([...shop.en.keys()].sort());
    for (const texts of Object.values(shop)) for (const [key, text] of texts) expect(text.trim(), key).not.toBe('');
    expect(fiShop.policyText.paragraphs).toHaveLength(enShop.policyText.paragraphs.length);
  });

  it('describe every category, service and storage item of the shop’s policy in both languages', () => {
    expect(missingPolicyTexts(shopPolicy, fiShop)).toEqual([]);
    expect(missingPolicyTexts(shopPolicy, enShop)).toEqual([]);
  });

  it('hold the full policy text, word for word, in each language', () => {
    const paragraphs = seed
      .split('\n\n')
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== '' && paragraph !== 'COOKIES');
    const shown = (file: typeof fiShop) => file.policyText.paragraphs.map(stripTags);
    expect([...shown(fiShop), ...shown(enShop)]).toEqual(paragraphs);
  });

  it('link "täältä" / "here" to the browser guides and the Google Analytics sentence to Google', () => {
    expect(fiShop.policyText.paragraphs[6]).toMatch(/<guidesLink>täältä<\/guidesLink>\.$/);
    expect(enShop.policyText.paragraphs[6]).toMatch(/<guidesLink>here<\/guidesLink>\.$/);
    expect(enShop.policyText.paragraphs[5]).toContain(
      '<gaLink>Read more about Google Analytics information processing</gaLink>',
    );
    for (const file of [fiShop, enShop])
      expect(new URL(file.policyText.links.gaLink).hostname).toBe('policies.google.com');
  });

  it('hold no HTML and use the same tags in both languages', () => {
    const marks = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((match) => match[0]).sort();
    for (const [key, text] of shop.fi) {
      expect(marks(shop.en.get(key) ?? ''), key).toEqual(marks(text));
      for (const match of text.matchAll(/<\/?([A-Za-z][\w-]*)[^>]*>/g)) {
        expect(COMPONENT_TAGS.has(match[1] ?? ''), `${key}: ${match[0]}`).toBe(true);
      }
    }
  });
});

describe('the library’s words and its code', () => {
  /** Every key the UI's code can ask for: written out whole, or as the start of a key built from a value. */
  function keysTheCodeReads() {
    const sources = readdirSync(resolve(process.cwd(), 'src/ui'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(resolve(process.cwd(), 'src/ui', file), 'utf8'))
      .join('\n');
    const whole = new Set([...sources.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g)].map((match) => match[1]));
    const starts = [...sources.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g)].map((match) => match[1] as string);
    // A key of the form `${within}.signal(s)`: its last part, built from a value, is written out on its own.
    const parts = new Set([...sources.matchAll(/'([\w-]+)'/g)].map((match) => match[1]));
    return (key: string) =>
      whole.has(key) ||
      starts.some((start) => key.startsWith(start)) ||
      key.split('.').every((part) => parts.has(part));
  }

  it('hold no key that nothing reads', () => {
    const read = keysTheCodeReads();
    const unread = [...files.fi.keys()].filter((key) => !read(key));
    expect(unread).toEqual([]);
  });
});
