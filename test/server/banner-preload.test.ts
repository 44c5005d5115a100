// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shopPolicy, shopTexts } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { memoryPersistence } from '../../src/core/persistence';
import type { PolicyTextSources } from '../../src/core/policy-texts';
import { type BuildManifest, bannerPreloadHrefs } from '../../src/server';

// A manifest as Vite writes it for a shop that installed the package (the keys are the sources' paths from
// the project's root), cut down to what the banner and the entry use.
const PACKAGE = 'node_modules/react-consent-policy/dist';
const manifest: BuildManifest = {
  'src/main.tsx': { file: 'assets/main-AAAA.js', isEntry: true, imports: [] },
  '_shared-BBBB.js': { file: 'assets/shared-BBBB.js', imports: ['src/main.tsx'] },
  [`${PACKAGE}/ui/panels/banner/consent-banner-panel.js`]: {
    file: 'assets/consent-banner-panel-CCCC.js',
    imports: ['src/main.tsx', '_shared-BBBB.js'],
  },
  [`${PACKAGE}/ui/panels/shared/text-layer.js`]: { file: 'assets/text-layer-DDDD.js', imports: ['src/main.tsx'] },
  [`${PACKAGE}/react/provider-runtime.js`]: { file: 'assets/provider-runtime-EEEE.js', imports: ['src/main.tsx'] },
  [`${PACKAGE}/core/storage-cleanup.js`]: { file: 'assets/storage-cleanup-FFFF.js', imports: ['src/main.tsx'] },
  [`${PACKAGE}/locales/fi/consent.js`]: { file: 'assets/consent-fi.js' },
  [`${PACKAGE}/locales/en/consent.js`]: { file: 'assets/consent-en.js' },
  [`${PACKAGE}/locales/sv/consent.js`]: { file: 'assets/consent-sv.js' },
  [`${PACKAGE}/locales/fi/consent-details.js`]: { file: 'assets/consent-details-fi.js' },
  [`${PACKAGE}/ui/panels/dialog/preferences-dialog-panel.js`]: { file: 'assets/dialog-GGGG.js' },
  'src/locales/fi/shop-policy.json': { file: 'assets/shop-policy-fi.js' },
  'src/locales/en/shop-policy.json': { file: 'assets/shop-policy-en.js' },
};
const textModules = { fi: 'src/locales/fi/shop-policy.json', en: 'src/locales/en/shop-policy.json' };

/** The Cookie header of a visitor who accepted everything. */
function decidedCookie(): string {
  const storage = memoryPersistence();
  createConsentStore(shopPolicy, { storage, sync: false, signals: {} }).acceptAll();
  return `theme=dark; ${shopPolicy.cookie.name}=${storage.read()}`;
}

describe('bannerPreloadHrefs', () => {
  it('for a visitor without a consent cookie / names the banner’s code, its words and the shop’s texts in the page’s language, and what they import, but not the entry', () => {
    const hrefs = bannerPreloadHrefs(shopPolicy, {
      cookieHeader: 'theme=dark',
      manifest,
      language: 'fi',
      texts: shopTexts,
      textModules,
    });
    expect(hrefs.sort()).toEqual(
      [
        '/assets/consent-banner-panel-CCCC.js',
        '/assets/shared-BBBB.js',
        '/assets/text-layer-DDDD.js',
        '/assets/provider-runtime-EEEE.js',
        '/assets/consent-fi.js',
        '/assets/shop-policy-fi.js',
      ].sort(),
    );
  });

  it('for a visitor who has decided / names nothing', () => {
    expect(
      bannerPreloadHrefs(shopPolicy, { cookieHeader: decidedCookie(), manifest, language: 'fi', textModules }),
    ).toEqual([]);
  });

  it('for a consent cookie that does not decode (tampered, or of an older revision) / names the banner’s files, as the banner will show', () => {
    const hrefs = bannerPreloadHrefs(shopPolicy, {
      cookieHeader: `${shopPolicy.cookie.name}=1.forged`,
      manifest,
      language: 'en',
    });
    expect(hrefs).toContain('/assets/consent-banner-panel-CCCC.js');
    expect(hrefs).toContain('/assets/consent-en.js');
  });

  it('with a language the shop’s texts do not offer / names English, the language the banner falls back to', () => {
    const texts = { fi: shopTexts.fi, en: shopTexts.en } as PolicyTextSources;
    const hrefs = bannerPreloadHrefs(shopPolicy, { cookieHeader: null, manifest, language: 'sv', texts, textModules });
    expect(hrefs).toContain('/assets/consent-en.js');
    expect(hrefs).toContain('/assets/shop-policy-en.js');
    expect(hrefs.some((href) => href.includes('-sv') || href.includes('-fi'))).toBe(false);
  });

  it('with a base path / puts it before each file, with one slash', () => {
    for (const base of ['/shop/', '/shop', 'https://cdn.example/shop/']) {
      const hrefs = bannerPreloadHrefs(shopPolicy, { cookieHeader: undefined, manifest, language: 'fi', base });
      expect(hrefs).toContain(`${base.replace(/\/$/, '')}/assets/consent-banner-panel-CCCC.js`);
    }
    // Not a path: the root.
    const hrefs = bannerPreloadHrefs(shopPolicy, {
      cookieHeader: undefined,
      manifest,
      language: 'fi',
      base: 42 as unknown as string,
    });
    expect(hrefs).toContain('/assets/consent-banner-panel-CCCC.js');
  });

  it('with a manifest of a build that never renders the banner, or not a manifest at all / names nothing and does not throw', () => {
    const headless: BuildManifest = { 'src/main.tsx': { file: 'assets/main.js', isEntry: true } };
    expect(bannerPreloadHrefs(shopPolicy, { cookieHeader: '', manifest: headless, language: 'fi' })).toEqual([]);
    for (const broken of [null, 'manifest', 42, [], { x: null }, { [`${PACKAGE}/react/provider-runtime.js`]: 'x' }]) {
      expect(
        bannerPreloadHrefs(shopPolicy, {
          cookieHeader: '',
          manifest: broken as unknown as BuildManifest,
          language: 'fi',
        }),
      ).toEqual([]);
    }
  });

  it('with chunks that import each other in a circle, or name a file that is not a script / visits each once and names scripts only', () => {
    const circular: BuildManifest = {
      [`${PACKAGE}/ui/panels/banner/consent-banner-panel.js`]: { file: 'assets/a.js', imports: ['_b'] },
      _b: { file: 'assets/b.js', imports: [`${PACKAGE}/ui/panels/banner/consent-banner-panel.js`, '_c'] },
      _c: { file: 'assets/c.css' },
      [`${PACKAGE}/react/provider-runtime.js`]: { file: 'assets/d.js', imports: ['_missing', 7 as unknown as string] },
    };
    expect(bannerPreloadHrefs(shopPolicy, { cookieHeader: '', manifest: circular, language: 'fi' }).sort()).toEqual([
      '/assets/a.js',
      '/assets/b.js',
      '/assets/d.js',
    ]);
  });

  it('with a shop module of the same name outside the package / does not take it for the library’s', () => {
    const lookalike: BuildManifest = {
      'src/ui/panels/banner/consent-banner-panel.tsx': { file: 'assets/own-banner.js' },
      'locales/fi/consent.json': { file: 'assets/own-words.js' },
    };
    expect(bannerPreloadHrefs(shopPolicy, { cookieHeader: '', manifest: lookalike, language: 'fi' })).toEqual([]);
  });
});
