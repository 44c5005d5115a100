// The compared pages: the same small shop built once per consent library (and once with React only), by
// esbuild as an app's production build would, written to a directory the benchmark serves. Our library's
// pages are built from the package as a shop gets it: built, packed, and the tarball installed into a
// throw-away app, from whose node_modules esbuild resolves `react-consent-policy` and its subpaths.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildApp } from '../../scripts/lib/chunk-graph.mjs';
import { copyShopPolicy, install, pack } from '../../scripts/lib/shipped-sizes.mjs';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const root = resolve(benchDir, '..');
export const pagesDir = join(benchDir, 'pages');
export const fromRoot = createRequire(join(root, 'package.json'));
export const fromBench = createRequire(join(benchDir, 'package.json'));

/** The version of a compared library, as installed for the benchmark. */
export const version = (name) =>
  JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;

const run = (command, commandArgs, options) =>
  execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

/**
 * The library as a shop gets it, in a new temporary directory `work`: the sources (a copy of the working
 * tree's files, or the whole tree of commit `ref` from `git archive`) built there with `npm run build` (the
 * project's node_modules linked), `npm pack`ed, and the tarball installed into `work/app` (see
 * scripts/lib/shipped-sizes.mjs). The pages are copied to `work/app/pages`, beside the shop's policy
 * (examples/shop-policy.ts, of the same sources) and its texts, so that they import the installed package.
 * Nothing of the working tree is written to.
 */
export function packedLibrary(ref) {
  const work = mkdtempSync(join(tmpdir(), 'consent-bench-lib-'));
  try {
    return { work, ...packInto(work, ref) };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function packInto(work, ref) {
  const sources = join(work, 'sources');
  mkdirSync(sources);
  if (ref) {
    execFileSync('sh', ['-c', `git archive --format=tar "$0" | tar -x -C "$1"`, ref, sources], { cwd: root });
  } else {
    // Tracked and untracked files, not the ignored ones (node_modules, dist): what a commit would hold.
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
      .split('\0')
      .filter((file) => file && existsSync(join(root, file)));
    for (const file of new Set(files)) cpSync(join(root, file), join(sources, file), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(sources, 'node_modules'), 'dir');
  try {
    run('npm', ['run', 'build'], { cwd: sources });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`npm run build failed for ${ref ?? 'the working tree'}:\n${output}`, { cause: error });
  }
  const tarball = pack(sources, work);
  const app = join(work, 'app');
  const installed = install(sources, app, tarball);
  const appPages = join(app, 'pages');
  cpSync(pagesDir, appPages, { recursive: true });
  if (existsSync(join(sources, 'examples/shop-policy.ts'))) copyShopPolicy(sources, appPages);
  const installedPackage = join(app, 'node_modules/react-consent-policy/package.json');
  const { version: ownVersion } = JSON.parse(readFileSync(installedPackage, 'utf8'));
  return { app, appPages, installed, tarball: basename(tarball), version: ownVersion };
}

/** Every page shows a banner whose accept button reads "Accept all"; the baselines have no banner. */
const ACCEPT = { selector: 'button', text: 'accept all' };
/** A baseline's first content: its heading. */
const HEADING = { selector: 'h1', text: '' };

/**
 * The pages to measure: the baselines always, the others all or those named in `only` (comma-separated ids).
 * `reference` is the baseline a page's added figures are over; `baseline` marks a reference page.
 */
export function definePages(ownVersion, only) {
  const all = [
    { id: 'baseline', label: 'React only (baseline)', entry: 'baseline.tsx', target: HEADING, baseline: true },
    {
      id: 'baseline-i18n',
      label: "React + react-i18next (the shop's own texts)",
      entry: 'baseline-i18n.tsx',
      target: HEADING,
      baseline: true,
      reference: 'baseline',
    },
    {
      id: 'ours',
      label: `react-consent-policy ${ownVersion}`,
      entry: 'ours.tsx',
      target: ACCEPT,
      renders: true,
      ours: true,
    },
    {
      id: 'ours-headless',
      label: `react-consent-policy ${ownVersion} headless (its hooks + a hand-made banner)`,
      entry: 'ours-headless.tsx',
      target: ACCEPT,
      renders: true,
      ours: true,
    },
    {
      id: 'ours-i18n',
      label: `react-consent-policy ${ownVersion}, shop with react-i18next`,
      entry: 'ours-i18n.tsx',
      target: ACCEPT,
      renders: true,
      ours: true,
      reference: 'baseline-i18n',
    },
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
  ].map((page) => ({ reference: 'baseline', ...page }));
  if (!only) return all;
  const wanted = new Set(only.split(','));
  for (const page of all) if (wanted.has(page.id)) wanted.add(page.reference);
  return all.filter((page) => page.id === 'baseline' || wanted.has(page.id));
}

/**
 * One copy of React for every page (the benchmark's): a page's React, and the React that the installed
 * package and react-i18next import, are the same files. Everything else resolves as in any app.
 */
const oneReact = {
  name: 'bench-one-react',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(react|react-dom|scheduler)(\/.*)?$/ }, (resolveArgs) => ({
      path: fromBench.resolve(resolveArgs.path),
    }));
  },
};

/**
 * Builds each page into `outDir/<id>/` with its index.html. Returns `files` (URL path -> its type, page and
 * sizes: minified, gzip -9, brotli 11), `sources` (URL path -> its largest sources with their minified
 * bytes) and `failed` (id -> why a page could not be built; only the baseline's failure is thrown).
 */
export async function buildPages(pages, { outDir, library }) {
  const files = new Map();
  const sources = new Map();
  const failed = {};
  for (const page of pages) {
    const dir = join(outDir, page.id);
    let graph;
    try {
      graph = await esbuildApp({
        // From the throw-away app: `react-consent-policy` (and i18next, react-i18next) from its node_modules,
        // through the package's `exports` and `sideEffects`; the peers from the benchmark's node_modules.
        entryPoints: { main: join(library.appPages, page.entry) },
        absWorkingDir: library.app,
        outdir: dir,
        // React is bundled here: every page carries the same copy, which the baseline measures alone.
        external: [],
        chunkNames: 'chunk-[hash]',
        plugins: [oneReact],
        nodePaths: [join(benchDir, 'node_modules')],
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
