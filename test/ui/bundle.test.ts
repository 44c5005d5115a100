// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChunkGraph, esbuildApp } from '../../scripts/lib/chunk-graph.mjs';
import {
  DETAILS_MARKER,
  EMBED_TEXTS_MARKER,
  ENTRY,
  FIRST_LOAD_CORE,
  LANGUAGE_MARKER,
  LOCALES,
  MAIN_CHUNK_SOURCES,
  MARKER,
  ON_DEMAND_CORE,
  SHOP_TEXTS_MARKER,
} from '../../scripts/lib/library-paths.mjs';

/**
 * How the UI stays off the page for visitors who do not need it: bundled as an app would (esbuild, ESM,
 * code splitting, minified, React external), the page's main chunk holds no banner, dialog, policy,
 * i18next or Radix code; each of those arrives in a chunk loaded on demand.
 */
function bundle(source: string): Promise<ChunkGraph> {
  return esbuildApp({ stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'app.ts' } });
}

const { radix: RADIX, i18next: I18NEXT, banner: BANNER, dialog: DIALOG, policy: POLICY } = MARKER;
const TEXTS_FI = LANGUAGE_MARKER.fi!;
const TEXTS_EN = LANGUAGE_MARKER.en!;
/** The dialog's and the policy page's words: the details files, which the banner never loads. */
const DETAILS_FI = [DETAILS_MARKER.fi!];
const index = `./${ENTRY.index}`;
const HEADLESS = ENTRY.headless;

const sizes: Record<string, number> = {};

describe('what a page downloads', () => {
  it('every language of the locale files has a marker the size script finds its texts by', () => {
    const languages = readdirSync(LOCALES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(languages.length).toBeGreaterThan(0);
    expect(Object.keys(LANGUAGE_MARKER).sort()).toEqual(languages.sort());
    expect(Object.keys(DETAILS_MARKER).sort()).toEqual(languages.sort());
    expect(Object.keys(EMBED_TEXTS_MARKER).sort()).toEqual(languages.sort());
    // Each marker is in its own language's file and in no other's: a stale one would count a language's
    // texts as code every visit loads.
    const read = (language: string, file: string) => readFileSync(`${LOCALES}${language}/${file}.json`, 'utf8');
    for (const [markers, file] of [
      [LANGUAGE_MARKER, 'consent'],
      [DETAILS_MARKER, 'consent-details'],
      [SHOP_TEXTS_MARKER, 'shop-policy'],
      [EMBED_TEXTS_MARKER, 'consent-embed'],
    ] as const) {
      for (const language of languages) {
        for (const other of languages) {
          expect(read(other, file).includes(markers[language]!), `${file}: ${language} in ${other}`).toBe(
            other === language,
          );
        }
      }
    }
  });

  it('with every component imported / the main chunk holds no banner, dialog, policy page, i18next or Radix code', async () => {
    const app = await bundle(
      `export { ConsentProvider, useConsent, ConsentGate, useTrackedPixel, ConsentBanner, PreferencesDialog, CookiePolicy, CookieSettingsButton } from '${index}';`,
    );
    const entry = app.requireEntry('bundle.test');
    const main = app.code(app.closure(entry));
    for (const marker of [RADIX, I18NEXT, BANNER, DIALOG, POLICY, TEXTS_FI, TEXTS_EN])
      expect(main.includes(marker), marker).toBe(false);
    const parts = [BANNER, DIALOG, POLICY].map((marker) => app.onDemandWith(marker));
    expect(new Set(parts).size).toBe(3);
    for (const part of parts) expect(part).toBeDefined();
    // The size script tells the parts apart by the same marks.
    expect(parts.map((part) => app.kindOf(part!))).toEqual(['first visit', 'dialog', 'policy']);
    sizes['main chunk, every component imported'] = app.gzip(app.closure(entry));
  });

  it('with react-consent-policy/headless / the bundler writes no chunk of the consent UI, and the root entry would', async () => {
    const names = 'ConsentProvider, useConsent, ConsentGate, useTrackedPixel, definePolicy';
    const ui = (app: ChunkGraph) =>
      [...app.files.keys()].filter((path) =>
        [BANNER, DIALOG, POLICY, RADIX, I18NEXT, TEXTS_FI].some((marker) => app.text(path).includes(marker)),
      );
    const headless = await bundle(`export { ${names} } from './${HEADLESS}';`);
    expect(ui(headless)).toEqual([]);
    // The same names from the root entry: esbuild reads the UI's import()s and writes their chunks.
    expect(ui(await bundle(`export { ${names} } from '${index}';`)).length).toBeGreaterThan(0);
  });

  it('with the policy defined in the app / the first load holds only what reads the consent', async () => {
    const app = await bundle(
      [
        `import { definePolicy, ConsentProvider, useConsent, useConsentContext } from '${index}';`,
        `export const policy = definePolicy({ revision: 1, categories: { necessary: { required: true, lifetime: { min: '1d', max: '1y' } } } });`,
        'export { ConsentProvider, useConsent, useConsentContext };',
      ].join('\n'),
    );
    const first = app.sources(app.closure(app.requireEntry('bundle.test')));
    for (const source of FIRST_LOAD_CORE) expect(first).toContain(source);
    // Decisions, other tabs, cleanup and the audit come later, on demand; using a name of the package's
    // index must not make the page load them.
    for (const later of ON_DEMAND_CORE) expect(first, later).not.toContain(later);
  });

  it('for an undecided visitor / the banner chunk brings neither i18next nor Radix, the dialog brings both; the texts come one language at a time', async () => {
    const app = await bundle(`export { ConsentProvider, ConsentBanner } from '${index}';`);
    const entry = app.requireEntry('bundle.test');
    const banner = app.onDemandWith(BANNER)!;
    const loaded = app.closure(banner);
    const code = app.code(loaded);
    // The banner shows its locale file as it is: its first paint never waits for i18next.
    expect(code.includes(I18NEXT), I18NEXT).toBe(false);
    expect(code.includes(RADIX), RADIX).toBe(false);
    expect(code.includes(DIALOG), DIALOG).toBe(false);
    const dialog = app.code(app.closure(app.onDemandWith(DIALOG)!));
    for (const marker of [I18NEXT, RADIX]) expect(dialog.includes(marker), marker).toBe(true);
    expect(code.includes(TEXTS_FI) || code.includes(TEXTS_EN), 'texts').toBe(false);
    const finnish = app.onDemandWith(TEXTS_FI)!;
    const english = app.onDemandWith(TEXTS_EN)!;
    expect(finnish).not.toBe(english);
    expect(app.code(app.closure(finnish)).includes(TEXTS_EN), TEXTS_EN).toBe(false);
    expect([app.kindOf(finnish), app.kindOf(english)]).toEqual(['language fi', 'language en']);
    const firstVisit = new Set([...app.closure(entry), ...loaded, finnish]);
    // What a first visit can load: the main chunk, the banner's and everything they import on demand but
    // the dialog and the policy page. The policy text and the dialog's words are in none of it.
    const onDemand = app.dynamicImports([...app.closure(entry), ...loaded]);
    const reachable = [
      ...firstVisit,
      ...[...onDemand]
        .filter(
          (path) => !app.code(app.closure(path)).includes(DIALOG) && !app.code(app.closure(path)).includes(POLICY),
        )
        .flatMap((path) => [...app.closure(path)]),
    ];
    for (const marker of DETAILS_FI) expect(app.code(reachable).includes(marker), marker).toBe(false);
    // The size script's first visit is the same: the banner's load and one language's texts, no details.
    const visit = app.visit({ language: 'fi' });
    for (const path of firstVisit) expect(visit.firstVisit.has(path), path).toBe(true);
    expect(visit.firstVisit.has(english)).toBe(false);
    for (const marker of [...DETAILS_FI, I18NEXT])
      expect(app.code(visit.firstVisit).includes(marker), marker).toBe(false);
    sizes['banner-only import, first visit (provider + banner + Finnish texts)'] = app.gzip(firstVisit);
    sizes['  of which the banner chunk'] = app.gzip(loaded);
    sizes['  of which the Finnish texts'] = app.gzip([finnish]);
  });

  it('for an undecided visitor / the banner’s chunk and the text layer’s import only what the page’s first load already holds: no round trip after they arrive', async () => {
    for (const names of [
      'ConsentProvider, ConsentBanner',
      'ConsentProvider, ConsentBanner, PreferencesDialog, CookiePolicy, CookieSettingsButton, ConsentEmbed',
    ]) {
      const app = await bundle(`export { ${names} } from '${index}';`);
      const entry = app.requireEntry('bundle.test');
      const first = app.closure(entry);
      const banner = app.onDemandWith(BANNER)!;
      // The text layer: the chunk, loaded on demand beside the panels, that holds the hook for their words.
      const layer = [...app.dynamicImports(first)].find((path) =>
        app.sources([path]).some((source) => source.includes('panels/shared/use-consent-text')),
      );
      expect(layer, names).toBeDefined();
      // A chunk of its own, beside the banner's: a visitor opening the dialog downloads no banner code.
      expect(app.code(app.closure(layer!)).includes(BANNER), names).toBe(false);
      for (const chunk of [banner, layer!]) {
        for (const path of app.file(chunk).imports)
          expect(first.has(path), `${names}: ${chunk} imports ${path}`).toBe(true);
      }
      // Opening the dialog or the policy page brings no banner code.
      for (const marker of names.includes('CookiePolicy') ? [DIALOG, POLICY] : [DIALOG]) {
        const part = app.closure(app.onDemandWith(marker)!);
        expect(app.code(part).includes(BANNER), marker).toBe(false);
      }
    }
  });

  it('with ConsentEmbed imported / its placeholder and its words load on demand, never i18next, never counted as a first visit', async () => {
    const without = await bundle(`export { ConsentProvider, ConsentBanner } from '${index}';`);
    const app = await bundle(`export { ConsentProvider, ConsentBanner, ConsentEmbed } from '${index}';`);
    const entry = app.requireEntry('bundle.test');
    const main = app.code(app.closure(entry));
    expect(main.includes(MARKER.embed), MARKER.embed).toBe(false);
    for (const marker of Object.values(EMBED_TEXTS_MARKER)) expect(main.includes(marker), marker).toBe(false);
    const placeholder = app.onDemandWith(MARKER.embed)!;
    expect(placeholder).toBeDefined();
    expect(app.kindOf(placeholder)).toBe('embed');
    const loaded = app.code(app.closure(placeholder));
    for (const marker of [I18NEXT, RADIX, BANNER, DIALOG, POLICY]) expect(loaded.includes(marker), marker).toBe(false);
    // One language's words at a time, each its own chunk, told apart from the banner's texts.
    const words = Object.entries(EMBED_TEXTS_MARKER).map(([language, marker]) => [language, app.onDemandWith(marker)!]);
    for (const [language, chunk] of words) expect(app.kindOf(chunk!), language).toBe(`embed words ${language}`);
    expect(new Set(words.map(([, chunk]) => chunk)).size).toBe(words.length);
    // A first visit without an embed on the page loads none of it, and what the banner's load holds is as before.
    const visit = app.visit({ language: 'fi' });
    expect(app.code(visit.firstVisit).includes(MARKER.embed)).toBe(false);
    for (const marker of Object.values(EMBED_TEXTS_MARKER)) {
      expect(app.code(visit.firstVisit).includes(marker), marker).toBe(false);
    }
    expect(visit.embed.has(placeholder)).toBe(true);
    // The banner brings the same code as without an embed. The wrapper hashes the policy text for Always
    // allow's record, as the banner's chunk does: with both imported, those two small modules (about 0.3
    // KiB) are a chunk of their own that the page's entry loads (the kit rule, docs/architecture.md).
    const banner = (graph: ChunkGraph) => new Set(graph.sources(graph.closure(graph.onDemandWith(BANNER)!)));
    expect(banner(app)).toEqual(banner(without));
    const first = (graph: ChunkGraph) => new Set(graph.sources(graph.closure(graph.requireEntry('bundle.test'))));
    const withoutFirst = first(without);
    // The wrapper checks the embed's address with the same check as the script gate (declared-address.ts).
    expect([...first(app)].filter((source) => !withoutFirst.has(source)).sort()).toEqual([
      'src/core/declared-address.ts',
      'src/core/text-hash.ts',
      'src/i18n/embed-texts.ts',
      'src/i18n/policy-text.ts',
      'src/ui/first-load/consent-embed.tsx',
    ]);
    // The placeholder shares no chunk with the banner: esbuild makes every import() target an entry, also
    // where no embed is used, and a module both imported would become one more chunk of every first visit.
    const bannerChunks = app.closure(app.onDemandWith(BANNER)!);
    expect([...app.closure(placeholder)].filter((path) => bannerChunks.has(path))).toEqual([]);
    sizes['ConsentEmbed: its placeholder and Finnish words (on demand)'] = app.gzip(visit.embed);
    sizes['ConsentEmbed: what it adds to the main chunk'] =
      app.gzip(app.closure(entry)) - without.gzip(without.closure(without.requireEntry('bundle.test')));
  });

  it('the preferences dialog chunk holds Radix, the policy page its own chunk', async () => {
    const app = await bundle(
      `export { ConsentProvider, ConsentBanner, PreferencesDialog, CookiePolicy, CookieSettingsButton } from '${index}';`,
    );
    const main = app.closure(app.requireEntry('bundle.test'));
    const dialog = app.closure(app.onDemandWith(DIALOG)!);
    const banner = app.closure(app.onDemandWith(BANNER)!);
    const policy = app.closure(app.onDemandWith(POLICY)!);
    expect(app.code(dialog).includes(RADIX), RADIX).toBe(true);
    expect(app.code(policy).includes(RADIX), RADIX).toBe(false);
    expect(app.code(policy).includes(BANNER), BANNER).toBe(false);
    // Their words come one language at a time, each in a chunk of its own that both load on demand.
    const details = { dialog: new Set<string>(), policy: new Set<string>() };
    for (const [name, part] of Object.entries({ dialog, policy }) as ['dialog' | 'policy', Set<string>][]) {
      const chunks = Object.values(DETAILS_MARKER).map((marker) => app.onDemandWith(marker, part));
      for (const chunk of chunks) expect(chunk, name).toBeDefined();
      expect(new Set(chunks).size, name).toBe(chunks.length);
      for (const marker of Object.values(DETAILS_MARKER)) expect(app.code(part).includes(marker), marker).toBe(false);
      for (const path of app.closure(chunks[0]!)) details[name].add(path);
    }
    // The parts take what they use of the main chunk's UI and React code as a prop: a module imported by
    // both would be split into a chunk of its own, one more download on every first visit.
    for (const [name, part] of Object.entries({ banner, dialog, policy })) {
      const shared = app.sources([...part].filter((path) => main.has(path)));
      expect(
        shared.filter((source) => MAIN_CHUNK_SOURCES.some((directory) => source.startsWith(directory))),
        name,
      ).toEqual([]);
    }
    const only = (set: Set<string>, ...minus: Set<string>[]) =>
      [...set].filter((path) => !main.has(path) && !minus.some((other) => other.has(path)));
    const withDetails = (part: Set<string>, words: Set<string>) => new Set([...part, ...words]);
    sizes['dialog + Radix + Finnish details (everything the dialog loads)'] = app.gzip(
      only(withDetails(dialog, details.dialog)),
    );
    sizes['dialog + Radix after the banner has loaded'] = app.gzip(only(withDetails(dialog, details.dialog), banner));
    sizes['policy page (everything it loads)'] = app.gzip(only(withDetails(policy, details.policy)));
    sizes['policy page after the banner has loaded'] = app.gzip(only(withDetails(policy, details.policy), banner));
    if (process.env.PRINT_SIZES) {
      const headless = await bundle(
        `export { ConsentProvider, useConsent, ConsentGate, useTrackedPixel } from '${index}';`,
      );
      sizes['headless entry chunk (ConsentProvider, hooks, ConsentGate)'] = headless.gzip(
        headless.closure(headless.requireEntry('bundle.test')),
      );
      console.table(
        Object.fromEntries(Object.entries(sizes).map(([name, bytes]) => [name, `${(bytes / 1024).toFixed(2)} KiB`])),
      );
    }
  });
});
