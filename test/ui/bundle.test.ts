// @vitest-environment node
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * How the UI stays off the page for visitors who do not need it: bundled as an app would (esbuild, ESM,
 * code splitting, minified, React external), the page's main chunk holds no banner, dialog, policy,
 * i18next or Radix code; each of those arrives in a chunk loaded on demand.
 */
async function bundle(source: string) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    outdir: '/virtual-out',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.text]));
  const meta = result.metafile as Metafile;
  // Every `import()` target is an entry point too; the app's own is the one built from stdin.
  const entry = Object.keys(meta.outputs).find((path) => meta.outputs[path]?.entryPoint === 'app.ts')!;
  const text = (path: string) => files.get(resolve(process.cwd(), path)) ?? '';
  /** A chunk and every chunk it imports statically: what loads together with it. */
  const closure = (start: string, seen = new Set<string>()) => {
    if (seen.has(start)) return seen;
    seen.add(start);
    for (const imported of meta.outputs[start]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) closure(imported.path, seen);
    }
    return seen;
  };
  const dynamic = (start: string) =>
    [...closure(start)].flatMap((path) =>
      (meta.outputs[path]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
  const code = (paths: Iterable<string>) => [...paths].map(text).join('\n');
  const gzip = (paths: Iterable<string>) => gzipSync(code(paths), { level: 9 }).length;
  const chunkWith = (marker: string) => dynamic(entry).find((path) => code(closure(path)).includes(marker))!;
  /** The source files that put code into these chunks. */
  const sources = (paths: Iterable<string>) =>
    [...paths].flatMap((path) =>
      Object.entries(meta.outputs[path]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([source]) => source),
    );
  return { entry, closure, dynamic, code, gzip, chunkWith, sources };
}

const RADIX = '"DialogContent"';
const I18NEXT = 'hasLanguageSomeTranslations';
const BANNER = 'rcp-banner__inner';
const DIALOG = 'rcp-dialog__header';
const POLICY = 'rcp-policy__section';
const TEXTS_FI = 'ja yksityisyytesi';
const TEXTS_EN = 'Cookies and your privacy';
/** The dialog's and the policy page's words: the details file, which the banner never loads. */
const DETAILS_FI = ['Suostumuksen tunniste', 'Tallenna valinnat'];

const sizes: Record<string, number> = {};

describe('what a page downloads', () => {
  it('with every component imported / the main chunk holds no banner, dialog, policy page, i18next or Radix code', async () => {
    const app = await bundle(
      `export { ConsentProvider, useConsent, ConsentGate, useTrackedPixel, ConsentBanner, PreferencesDialog, CookiePolicy, CookieSettingsButton } from './src/index.ts';`,
    );
    const main = app.code(app.closure(app.entry));
    for (const marker of [RADIX, I18NEXT, BANNER, DIALOG, POLICY, TEXTS_FI, TEXTS_EN])
      expect(main.includes(marker), marker).toBe(false);
    const parts = [BANNER, DIALOG, POLICY].map(app.chunkWith);
    expect(new Set(parts).size).toBe(3);
    for (const part of parts) expect(part).toBeDefined();
    sizes['main chunk, every component imported'] = app.gzip(app.closure(app.entry));
  });

  it('with the policy defined in the app / the first load holds only what reads the consent', async () => {
    const app = await bundle(
      [
        `import { definePolicy, ConsentProvider, useConsent, useConsentContext } from './src/index.ts';`,
        `export const policy = definePolicy({ revision: 1, categories: { necessary: { required: true, lifetime: { min: '1d', max: '1y' } } } });`,
        'export { ConsentProvider, useConsent, useConsentContext };',
      ].join('\n'),
    );
    const first = app.sources(app.closure(app.entry));
    expect(first).toContain('src/core/create-store.ts');
    // Decisions, other tabs, cleanup and the audit come later, on demand; using a name of the package's
    // index must not make the page load them.
    for (const later of [
      'consent-changes',
      'sync',
      'consent-record-writer',
      'storage-cleanup',
      'audit',
      'policy-storage',
    ]) {
      expect(first, later).not.toContain(`src/core/${later}.ts`);
    }
  });

  it('for an undecided visitor / the banner chunk brings i18next, never Radix; the texts come one language at a time', async () => {
    const app = await bundle(`export { ConsentProvider, ConsentBanner } from './src/index.ts';`);
    const banner = app.chunkWith(BANNER);
    const loaded = app.closure(banner);
    const code = app.code(loaded);
    expect(code.includes(I18NEXT), I18NEXT).toBe(true);
    expect(code.includes(RADIX), RADIX).toBe(false);
    expect(code.includes(DIALOG), DIALOG).toBe(false);
    expect(code.includes(TEXTS_FI) || code.includes(TEXTS_EN), 'texts').toBe(false);
    const finnish = app.chunkWith(TEXTS_FI);
    const english = app.chunkWith(TEXTS_EN);
    expect(finnish).not.toBe(english);
    expect(app.code(app.closure(finnish)).includes(TEXTS_EN), TEXTS_EN).toBe(false);
    const firstVisit = new Set([...app.closure(app.entry), ...loaded, finnish]);
    // What a first visit can load: the main chunk, the banner's and everything they import on demand but
    // the dialog and the policy page. The dialog's and the policy page's words are in none of it.
    const onDemand = new Set([...app.closure(app.entry), ...loaded].flatMap(app.dynamic));
    const reachable = [
      ...firstVisit,
      ...[...onDemand]
        .filter(
          (path) => !app.code(app.closure(path)).includes(DIALOG) && !app.code(app.closure(path)).includes(POLICY),
        )
        .flatMap((path) => [...app.closure(path)]),
    ];
    for (const marker of DETAILS_FI) expect(app.code(reachable).includes(marker), marker).toBe(false);
    sizes['banner-only import, first visit (provider + banner + i18next + Finnish texts)'] = app.gzip(firstVisit);
    sizes['  of which the banner chunk with i18next'] = app.gzip(loaded);
    sizes['  of which the Finnish texts'] = app.gzip([finnish]);
  });

  it('the preferences dialog chunk holds Radix, the policy page its own chunk', async () => {
    const app = await bundle(
      `export { ConsentProvider, ConsentBanner, PreferencesDialog, CookiePolicy, CookieSettingsButton } from './src/index.ts';`,
    );
    const main = app.closure(app.entry);
    const dialog = app.closure(app.chunkWith(DIALOG));
    const banner = app.closure(app.chunkWith(BANNER));
    const policy = app.closure(app.chunkWith(POLICY));
    expect(app.code(dialog).includes(RADIX), RADIX).toBe(true);
    expect(app.code(policy).includes(RADIX), RADIX).toBe(false);
    expect(app.code(policy).includes(BANNER), BANNER).toBe(false);
    for (const marker of DETAILS_FI) {
      expect(app.code(dialog).includes(marker), marker).toBe(true);
      expect(app.code(policy).includes(marker), marker).toBe(true);
    }
    // The parts take what they use of the main chunk's UI and React code as a prop: a module imported by
    // both would be split into a chunk of its own, one more download on every first visit.
    for (const [name, part] of Object.entries({ banner, dialog, policy })) {
      const shared = app.sources([...part].filter((path) => main.has(path)));
      expect(
        shared.filter((source) => /src\/(ui|i18n|react)\//.test(source)),
        name,
      ).toEqual([]);
    }
    const only = (set: Set<string>, ...minus: Set<string>[]) =>
      [...set].filter((path) => !main.has(path) && !minus.some((other) => other.has(path)));
    sizes['dialog + Radix (everything the dialog loads)'] = app.gzip(only(dialog));
    sizes['dialog + Radix after the banner has loaded'] = app.gzip(only(dialog, banner));
    sizes['policy page (everything it loads)'] = app.gzip(only(policy));
    sizes['policy page after the banner has loaded'] = app.gzip(only(policy, banner));
    if (process.env.PRINT_SIZES) {
      const headless = await bundle(
        `export { ConsentProvider, useConsent, ConsentGate, useTrackedPixel } from './src/index.ts';`,
      );
      sizes['headless entry chunk (ConsentProvider, hooks, ConsentGate)'] = headless.gzip(
        headless.closure(headless.entry),
      );
      console.table(
        Object.fromEntries(Object.entries(sizes).map(([name, bytes]) => [name, `${(bytes / 1024).toFixed(2)} KiB`])),
      );
    }
  });
});
