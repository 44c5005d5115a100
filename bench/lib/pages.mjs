// The compared pages: the same small shop built once per consent library (and once with React only), by
// esbuild as an app's production build would, written to a directory the benchmark serves.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildApp } from '../../scripts/lib/chunk-graph.mjs';
import { ENTRY, SOURCE_ROOTS } from '../../scripts/lib/library-paths.mjs';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const root = resolve(benchDir, '..');
export const pagesDir = join(benchDir, 'pages');
export const fromRoot = createRequire(join(root, 'package.json'));
export const fromBench = createRequire(join(benchDir, 'package.json'));

/** The version of a compared library, as installed for the benchmark. */
export const version = (name) =>
  JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The library's sources: the working tree, or a commit's (`ref`) unpacked beside the build. */
export function librarySources(ref) {
  if (!ref) return root;
  const dir = mkdtempSync(join(tmpdir(), 'consent-bench-src-'));
  execSync(
    `git archive ${JSON.stringify(ref)} ${SOURCE_ROOTS.join(' ')} package.json | tar -x -C ${JSON.stringify(dir)}`,
    {
      cwd: root,
    },
  );
  return dir;
}

/** Every page shows a banner whose accept button reads "Accept all"; the baseline has no banner. */
const ACCEPT = { selector: 'button', text: 'accept all' };

/**
 * The pages to measure: the baseline always, the others all or those named in `only` (comma-separated ids).
 * A commit from before the UI existed measures a banner made of the library's hooks instead.
 */
export function definePages(libraryDir, only) {
  // The package entry lists the UI by name or re-exports its index.
  const uiExists = /\bConsentBanner\b|['"]\.\/ui(\/index)?['"]/.test(
    readFileSync(join(libraryDir, ENTRY.index), 'utf8'),
  );
  const ownVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const all = [
    { id: 'baseline', label: 'React only (baseline)', entry: 'baseline.tsx', target: { selector: 'h1', text: '' } },
    {
      id: 'ours',
      label: uiExists
        ? `react-consent-policy ${ownVersion}`
        : `react-consent-policy ${ownVersion} (headless + hook-made banner: UI not built yet)`,
      entry: uiExists ? 'ours.tsx' : 'ours-headless.tsx',
      target: ACCEPT,
      renders: true,
    },
    // With the UI built, the headless use stays in the table: what the core costs without the UI and i18next.
    ...(uiExists
      ? [
          {
            id: 'ours-headless',
            label: `react-consent-policy ${ownVersion} headless (its hooks + a hand-made banner)`,
            entry: 'ours-headless.tsx',
            target: ACCEPT,
            renders: true,
          },
        ]
      : []),
    {
      id: 'react-cookie-consent',
      label: `react-cookie-consent ${version('react-cookie-consent')} (+ hand-written settings)`,
      entry: 'react-cookie-consent.tsx',
      target: ACCEPT,
    },
    {
      id: 'vanilla-cookieconsent',
      label: `vanilla-cookieconsent ${version('vanilla-cookieconsent')}`,
      entry: 'vanilla-cookieconsent.tsx',
      target: ACCEPT,
      body: '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>',
    },
    {
      id: 'c15t',
      label: `@c15t/react ${version('@c15t/react')} (offline mode)`,
      entry: 'c15t.tsx',
      target: ACCEPT,
      renders: true,
    },
  ];
  return only ? all.filter((page) => page.id === 'baseline' || only.split(',').includes(page.id)) : all;
}

/** One copy of React for every page, and the library from its source so that the page follows the code. */
function resolution(libraryDir) {
  const entries = { '': ENTRY.index, '/core': ENTRY.core, '/styles.css': ENTRY.styles };
  return {
    name: 'bench-resolution',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^(react|react-dom|scheduler)(\/.*)?$/ }, (resolveArgs) => ({
        path: fromBench.resolve(resolveArgs.path),
      }));
      esbuild.onResolve({ filter: /^react-consent-policy(\/.*)?$/ }, (resolveArgs) => {
        const target = entries[resolveArgs.path.slice('react-consent-policy'.length)];
        if (!target) return { errors: [{ text: `unknown entry ${resolveArgs.path}` }] };
        // As the package's `sideEffects` says, which a resolver of node_modules would read: only its CSS has any.
        return { path: join(libraryDir, target), sideEffects: target.endsWith('.css') };
      });
    },
  };
}

/**
 * Builds each page into `outDir/<id>/` with its index.html. Returns `files` (URL path -> its type, page and
 * sizes: minified, gzip -9, brotli 11), `sources` (URL path -> its largest sources with their minified
 * bytes) and `failed` (id -> why a page could not be built; only the baseline's failure is thrown).
 */
export async function buildPages(pages, { outDir, libraryDir }) {
  const files = new Map();
  const sources = new Map();
  const failed = {};
  for (const page of pages) {
    const dir = join(outDir, page.id);
    let graph;
    try {
      graph = await esbuildApp({
        entryPoints: { main: join(pagesDir, page.entry) },
        outdir: dir,
        // React is bundled here: every page carries the same copy, which the baseline measures alone.
        external: [],
        chunkNames: 'chunk-[hash]',
        plugins: [resolution(libraryDir)],
        // A commit's sources unpacked elsewhere still resolve their dependencies here.
        nodePaths: [join(root, 'node_modules')],
        logLevel: 'error',
      });
    } catch (error) {
      if (page.id === 'baseline') throw error;
      failed[page.id] = `does not build: ${error.errors?.[0]?.text ?? error.message.split('\n')[0]}`;
      continue;
    }
    mkdirSync(dir, { recursive: true });
    let css = '';
    for (const [path, file] of graph.files) {
      const name = basename(path);
      writeFileSync(join(dir, name), file.bytes);
      const url = `/${page.id}/${name}`;
      // Which sources fill each output file: where the bytes go.
      sources.set(
        url,
        graph.topSources(path, 8).map(([source, bytes]) => `${source.replace(/^.*node_modules\//, '')} ${bytes}`),
      );
      const type = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
      if (!type) continue;
      files.set(url, {
        type,
        page: page.id,
        min: graph.min([path]),
        gzip: graph.gzip([path]),
        brotli: graph.brotli([path]),
      });
      if (name === 'main.css') css = '<link rel="stylesheet" href="main.css">';
    }
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop: ${page.id}</title>${css}<script type="module" src="main.js"></script></head><body><div id="root"></div>${page.body ?? ''}</body></html>`,
    );
  }
  return { files, sources, failed };
}
