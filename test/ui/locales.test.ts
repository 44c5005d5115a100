import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyTexts } from '../../src/core/policy-texts';
import { missingPolicyTexts } from '../../src/core/policy-texts';
import type { EmbedMessages } from '../../src/i18n/embed-texts';
import { CONSENT_LANGUAGES, type ConsentLanguage } from '../../src/i18n/languages';
import { stripTags } from '../../src/i18n/policy-text';
import type { BannerMessages, DetailMessages } from '../../src/i18n/resources';
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
/** A locale file of a language, read as the bundlers read it. */
const read = <T>(language: ConsentLanguage, file: string): T =>
  JSON.parse(readFileSync(resolve(process.cwd(), 'locales', language, `${file}.json`), 'utf8')) as T;
const perLanguage = <T>(file: string) =>
  Object.fromEntries(CONSENT_LANGUAGES.map((language) => [language, read<T>(language, file)])) as Record<
    ConsentLanguage,
    T
  >;
const banners = perLanguage<BannerMessages>('consent');
const details = perLanguage<DetailMessages>('consent-details');
const shops = perLanguage<PolicyTexts & { policyText: { links: Record<string, string> } }>('shop-policy');
const merged = Object.fromEntries(
  CONSENT_LANGUAGES.map((language) => [language, both(banners[language], details[language])]),
) as Record<ConsentLanguage, BannerMessages & DetailMessages>;
const fiShop = shops.fi;
const enShop = shops.en;
const PAIRS: [object, object][] = CONSENT_LANGUAGES.map((language) => [banners[language], details[language]]);

const files = Object.fromEntries(CONSENT_LANGUAGES.map((language) => [language, leaves(merged[language])])) as Record<
  ConsentLanguage,
  Map<string, string>
>;
// The shop's published policy text, as the shop gave it.
const seed = readFileSync(resolve(process.cwd(), 'test/ui/fixtures/cookie-policy.txt'), 'utf8');

/** The tags the texts may use; each is filled by a component (`renderTagged`), never read as HTML. */
const COMPONENT_TAGS = new Set(['name', 'em', 'guidesLink', 'gaLink']);
const shop = Object.fromEntries(CONSENT_LANGUAGES.map((language) => [language, leaves(shops[language])])) as Record<
  ConsentLanguage,
  Map<string, string>
>;
/** Each language but Finnish, the reference, with its files' texts. */
const OTHERS = CONSENT_LANGUAGES.filter((language) => language !== 'fi');

describe('the library’s locale files', () => {
  it.each(OTHERS)('have exactly the same keys in Finnish and in %s, file by file', (language) => {
    expect([...leaves(banners[language]).keys()].sort()).toEqual([...leaves(banners.fi).keys()].sort());
    expect([...leaves(details[language]).keys()].sort()).toEqual([...leaves(details.fi).keys()].sort());
  });

  it('name each language in its own words, the same in every file', () => {
    for (const language of CONSENT_LANGUAGES) expect(banners[language].languages).toEqual(banners.fi.languages);
    expect(Object.keys(banners.fi.languages).sort()).toEqual([...CONSENT_LANGUAGES].sort());
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
    const library = JSON.stringify(Object.values(merged)).toLowerCase();
    const own = Object.values(shop)
      .flatMap((texts) => [...texts.values()])
      .filter((text) => text.length > 30);
    for (const text of own) expect(library, text).not.toContain(text.toLowerCase());
    const names = [
      'minis',
      'mommies',
      'google analytics',
      'ostoskori',
      'shopping cart',
      'kundvagn',
      'pixel',
      'pikseli',
    ];
    for (const name of names) {
      expect(library, name).not.toContain(name);
    }
  });

  it('have no empty text', () => {
    for (const [language, texts] of Object.entries(files)) {
      for (const [key, text] of texts) expect(text.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it.each(OTHERS)('use the same placeholders and tags in Finnish and in %s', (language) => {
    const marks = (text: string) => [...text.matchAll(/{{\s*\w+\s*}}|<\/?\w+>/g)].map((match) => match[0]).sort();
    for (const [key, text] of files.fi) expect(marks(files[language].get(key) ?? ''), key).toEqual(marks(text));
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
    for (const file of Object.values(merged)) {
      for (const [browser, host] of Object.entries(hosts)) {
        const url = new URL(file.policy.guides[browser as keyof typeof hosts].href);
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toBe(host);
      }
    }
  });

  it('give the footer button the same label the settings button code shows', () => {
    expect(SETTINGS_BUTTON_LABELS).toEqual(
      Object.fromEntries(CONSENT_LANGUAGES.map((language) => [language, banners[language].settingsButton.label])),
    );
  });
});

describe('the embed placeholder’s words (locales/<language>/consent-embed.json)', () => {
  const embeds = perLanguage<EmbedMessages>('consent-embed');
  const words = Object.fromEntries(CONSENT_LANGUAGES.map((language) => [language, leaves(embeds[language])])) as Record<
    ConsentLanguage,
    Map<string, string>
  >;
  const marks = (text: string) => [...text.matchAll(/{{\s*\w+\s*}}|<\/?\w+>/g)].map((match) => match[0]).sort();

  it.each(OTHERS)('have exactly the same keys and placeholders in Finnish and in %s, and no empty text', (language) => {
    expect([...words[language].keys()].sort()).toEqual([...words.fi.keys()].sort());
    for (const [key, text] of words.fi) expect(marks(words[language].get(key) ?? ''), key).toEqual(marks(text));
    for (const [key, text] of words[language]) expect(text.trim(), key).not.toBe('');
  });

  it.each(CONSENT_LANGUAGES)('in %s, name no shop, service or category, and hold no tag', (language) => {
    for (const [key, text] of words[language]) {
      expect(text, key).not.toMatch(/youtube|google|vimeo|minis|markkinointi|marketing|marknadsföring|<\w/i);
    }
  });

  it('say "cookie settings" with the footer button’s word (inflected: its stem)', () => {
    for (const language of CONSENT_LANGUAGES) {
      const stem = banners[language].settingsButton.label.toLowerCase().slice(0, -2);
      expect(embeds[language].loadNote.toLowerCase()).toContain(stem);
    }
  });
});

describe('the shop’s own texts (locales/<language>/shop-policy.json)', () => {
  it.each(OTHERS)('have exactly the same keys in Finnish and in %s, and no empty text', (language) => {
    expect([...shop[language].keys()].sort()).toEqual([...shop.fi.keys()].sort());
    for (const [key, text] of shop[language]) expect(text.trim(), key).not.toBe('');
    expect(shops[language].policyText.paragraphs).toHaveLength(fiShop.policyText.paragraphs.length);
  });

  it.each(CONSENT_LANGUAGES)(
    'describe every category, service and storage item of the shop’s policy in %s',
    (language) => {
      expect(missingPolicyTexts(shopPolicy, shops[language])).toEqual([]);
    },
  );

  it('say in Swedish that the Swedish policy text is a translation and the Finnish one prevails', () => {
    expect(shops.sv.policyText.paragraphs[0]).toMatch(/^Översättning; den finska versionen gäller\. /);
    expect(shops.sv.policyText.links.gaLink).toContain('hl=sv');
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
    expect(shops.sv.policyText.paragraphs[6]).toMatch(/<guidesLink>[^<]+<\/guidesLink>\.$/);
    for (const file of Object.values(shops))
      expect(new URL(file.policyText.links.gaLink ?? '').hostname).toBe('policies.google.com');
  });

  it.each(OTHERS)('hold no HTML and use the same tags in Finnish and in %s', (language) => {
    const marks = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((match) => match[0]).sort();
    for (const [key, text] of shop.fi) {
      expect(marks(shop[language].get(key) ?? ''), key).toEqual(marks(text));
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
