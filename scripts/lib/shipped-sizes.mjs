// What a shop ships from the package as published: `npm pack`, the tarball installed into a throw-away app,
// and that app bundled by esbuild and by Vite as a shop's production build would. The apps are
// scripts/size-apps/: the headless one (the shop's own policy, the provider, the hooks, the gate) and the
// full UI (the same with the banner, the preferences dialog, the settings button and the stylesheet).
//
// Everything lives in a temporary directory made for this run and removed after it: nothing is reused by a
// later run. The app's dependencies are the project's own installed packages, linked, so the install needs
// no network.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChunkGraph, esbuildApp } from './chunk-graph.mjs';
import { LANGUAGE_MARKER, MARKER, SHOP_TEXTS_MARKER } from './library-paths.mjs';

/** The apps, each one file of scripts/size-apps/ with what it imports from there. */
export const APPS = {
  headless: {
    file: 'headless.tsx',
    label: 'headless app',
    holds:
      'definePolicy + examples/shop-policy.ts (from /core), ConsentProvider, useConsent, ConsentGate, useTrackedPixel (from /headless)',
  },
  full: {
    file: 'full.tsx',
    label: 'full UI app',
    holds: 'the same + ConsentBanner, PreferencesDialog, CookieSettingsButton, react-consent-policy/styles.css',
  },
};
const APP_FILES = ['headless.tsx', 'full.tsx', 'shop-parts.tsx'];
/** The shop's policy (examples/shop-policy.ts) takes the place of the stand-in that points at it. */
const SHOP_POLICY = 'examples/shop-policy.ts';

const isReact = (id) => /^react(-dom)?($|\/)/.test(id);

/**
 * Packs the package as built in `root`/dist (run the build first), installs it into a throw-away app and
 * bundles both apps with both bundlers. Returns one measurement per bundler and app, and how the package
 * was installed.
 */
export async function shippedSizes(root) {
  const work = mkdtempSync(join(tmpdir(), 'rcp-shipped-'));
  try {
    const tarball = pack(root, work);
    const app = join(work, 'app');
    const installed = install(root, app, tarball);
    for (const file of APP_FILES) copyFileSync(join(root, 'scripts/size-apps', file), join(app, file));
    copyShopPolicy(root, app);

    const measurements = [];
    for (const [name, { file }] of Object.entries(APPS)) {
      const esbuilt = await esbuildApp({ entryPoints: [join(app, file)], absWorkingDir: app });
      measurements.push({ bundler: 'esbuild', app: name, ...measure(esbuilt, name) });
      const viteBuilt = await viteApp(app, file);
      const measured = measure(viteBuilt, name);
      if (name === 'full') measured.problems.push(...(await preloadHintProblems(app, viteBuilt)));
      measurements.push({ bundler: 'vite', app: name, ...measured });
    }
    return { installed, measurements };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Copies the shop's policy (examples/shop-policy.ts) into `dir` as `shop-policy.ts`, and its texts where its
 * loaders find them: `../locales/<language>/shop-policy.json`, beside `dir`.
 */
export function copyShopPolicy(root, dir) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, SHOP_POLICY), join(dir, 'shop-policy.ts'));
  for (const language of readdirSync(join(root, 'locales'))) {
    const texts = join(root, 'locales', language, 'shop-policy.json');
    if (!existsSync(texts)) continue;
    mkdirSync(join(dir, '..', 'locales', language), { recursive: true });
    copyFileSync(texts, join(dir, '..', 'locales', language, 'shop-policy.json'));
  }
}

/** `npm pack` of the package as built in `root`/dist, into the directory `into`; returns the tarball's path. */
export function pack(root, into) {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', into], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(output);
  return join(into, filename);
}

/**
 * `npm install --offline` of the tarball, with the package's dependencies and peers linked from the
 * project's node_modules (no registry needed). Should npm refuse, the tarball is unpacked where npm would
 * put it and the same dependencies linked beside it; the returned line says which happened.
 */
export function install(root, app, tarball) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const linked = Object.fromEntries(names.map((name) => [name, join(root, 'node_modules', name)]));
  for (const [name, path] of Object.entries(linked)) {
    try {
      readFileSync(join(path, 'package.json'));
    } catch {
      throw new Error(
        `shippedSizes: ${name} (a dependency of the package) is not installed in ${root}/node_modules; run npm ci first.`,
      );
    }
  }
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'shipped-size-app',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(Object.entries(linked).map(([name, path]) => [name, `file:${path}`])),
    }),
  );
  try {
    execFileSync(
      'npm',
      ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', tarball],
      { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return `npm install --offline of the packed tarball, dependencies linked from node_modules`;
  } catch (error) {
    const why = `${error.stderr ?? error.message}`.split('\n').find((line) => line.trim()) ?? 'no message';
    rmSync(join(app, 'node_modules'), { recursive: true, force: true });
    const target = join(app, 'node_modules', pkg.name);
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    for (const [name, path] of Object.entries(linked)) {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(path, join(app, 'node_modules', name), 'dir');
    }
    return `the packed tarball unpacked into node_modules by hand, because npm install --offline failed: ${why.trim()}`;
  }
}

/** Vite's production build of one app, in memory: its plugin for React, React left external as for esbuild. */
async function viteApp(app, file) {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  // The React plugin compiles JSX for development unless NODE_ENV says production, whatever called this.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const output = await build({
      configFile: false,
      envFile: false,
      root: app,
      mode: 'production',
      logLevel: 'silent',
      plugins: [react()],
      build: {
        write: false,
        // For the banner's preload hints (`preloadHintProblems`): not part of any measured load.
        manifest: true,
        modulePreload: { polyfill: false },
        rolldownOptions: { input: join(app, file), external: isReact },
      },
    });
    return ChunkGraph.fromRolldown(output, { cwd: app });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The initial load (the entry, its static imports and their stylesheets) and an undecided visitor's first
 * visit (that, the chunks loaded on demand for the banner and the consent's upkeep, one language's texts;
 * not the dialog or the policy page). `warnings` say where the build does not look as expected; `problems`,
 * where it breaks a rule of the package (the size script fails on them).
 */
function measure(graph, app) {
  const { initial, firstVisit } = graph.visit();
  const warnings = [];
  const code = graph.code(firstVisit);
  if (code.includes('jsxDEV')) warnings.push('the build holds development JSX (jsxDEV)');
  if (app === 'full' && !code.includes(MARKER.banner)) {
    warnings.push(`no banner in the first visit (no chunk holds ${MARKER.banner})`);
  }
  // A headless app neither downloads the UI nor has its bundler write any of it: every file built is read,
  // the ones it loads on demand included. The UI's parts each carry a mark of their own.
  const problems = [];
  if (app === 'headless') {
    const written = graph.code(new Set([...graph.files.keys()].filter((path) => path.endsWith('.js'))));
    const ui = Object.entries(MARKER).filter(([, mark]) => written.includes(mark));
    if (ui.length > 0) problems.push(`its bundler wrote UI code (${ui.map(([part]) => part).join(', ')})`);
  }
  return { initial: weigh(graph, initial), firstVisit: weigh(graph, firstVisit), warnings, problems };
}

/**
 * What `bannerPreloadHrefs` (react-consent-policy/server, as packed) names for an undecided visitor of the
 * full UI app's Vite build, read from the manifest Vite wrote: files of the build that hold the banner, the
 * banner's English words and the shop's English texts, and nothing of the dialog or i18next. What is wrong,
 * as problems of the package.
 */
async function preloadHintProblems(app, graph) {
  const manifestFile = [...graph.files.keys()].find((path) => path.endsWith('.vite/manifest.json'));
  if (!manifestFile) return ['Vite wrote no manifest, so the preload hints could not be checked'];
  const manifest = JSON.parse(graph.text(manifestFile));
  const packed = join(app, 'node_modules/react-consent-policy/dist');
  const { bannerPreloadHrefs } = await import(pathToFileURL(join(packed, 'server.js')).href);
  const { definePolicy } = await import(pathToFileURL(join(packed, 'core.js')).href);
  const policy = definePolicy({
    revision: 1,
    categories: { necessary: { required: true, lifetime: { min: '1d', max: '12mo' } } },
  });
  const textModules = Object.fromEntries(
    Object.keys(manifest)
      .map((key) => [/locales\/(\w+)\/shop-policy\.json$/.exec(key)?.[1], key])
      .filter(([language]) => language),
  );
  const hrefs = bannerPreloadHrefs(policy, { cookieHeader: '', manifest, language: 'en', textModules });
  const files = hrefs.map((href) => href.replace(/^\//, ''));
  const problems = files
    .filter((file) => !graph.files.has(file))
    .map((file) => `a preload hint names ${file}, which Vite did not write`);
  const code = graph.code(files.filter((file) => graph.files.has(file)));
  const wanted = {
    'the banner': MARKER.banner,
    "the banner's English words": LANGUAGE_MARKER.en,
    "the shop's English texts": SHOP_TEXTS_MARKER.en,
  };
  for (const [what, mark] of Object.entries(wanted)) {
    if (!code.includes(mark)) problems.push(`the preload hints miss ${what}`);
  }
  for (const [what, mark] of Object.entries({
    'the dialog': MARKER.dialog,
    i18next: MARKER.i18next,
    'Finnish words': LANGUAGE_MARKER.fi,
  })) {
    if (code.includes(mark)) problems.push(`the preload hints name ${what}, which the banner does not need`);
  }
  return problems;
}

function weigh(graph, chunks) {
  const css = graph.css(chunks);
  return {
    files: chunks.size + css.size,
    js: { min: graph.min(chunks), gzip: graph.gzip(chunks) },
    css: { min: graph.min(css), gzip: graph.gzip(css) },
  };
}
