#!/usr/bin/env node
// Size budgets of what a shop ships: esbuild (minified, tree-shaken, React and React DOM left out) then
// gzip -9, plus publint and arethetypeswrong on the packed package. Prints a table; exits 1 when a budget
// is exceeded or a package check fails. `npm test` runs it.
//
//   node scripts/size.mjs                 # budgets and package checks (npm test, npm run size)
//   node scripts/size.mjs --verbose       # also where the first visit's bytes are, chunk by chunk
//   node scripts/size.mjs --package-only  # publint and attw only
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KiB = 1024;
const ENTRY_NAME = 'budget-entry.ts';
const BUDGET = {
  headless: 2 * KiB,
  // 5 KiB until the shop's words (category and service names, the policy text) left the library's locale
  // files for the shop's own (`<ConsentProvider texts>`): 0.33 KiB of texts went, 0.46 KiB of code came to
  // load the shop's words per provider, offer only the languages it covers and hash the policy text it
  // shows at run time (no more hashes of one shop's text built in). The shop's own texts are its own.
  bannerJs: 5.25 * KiB,
  stylesheet: 2 * KiB,
  firstVisit: 30 * KiB,
};

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
const kib = (bytes) => `${(bytes / KiB).toFixed(2)} KiB`;
const rel = (path) => relative(root, path).replaceAll('\\', '/');

/** React and React DOM are the shop's own; everything else the entry pulls in counts. */
const REACT = ['react', 'react-dom', 'react/*', 'react-dom/*'];
const I18N = ['i18next', 'react-i18next'];
/** The UI's heavy dependencies: never in the headless entry, and only in lazy chunks of the UI. */
const UI_DEPENDENCY = /node_modules\/(i18next|react-i18next|@radix-ui)\//;

/** Leaves every `import()` out: what remains is the code a page loads before anything is fetched on demand. */
const initialOnly = {
  name: 'initial-only',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

async function bundle(contents, { external = REACT, splitting = false, initial = false } = {}) {
  const result = await build({
    plugins: initial ? [initialOnly] : [],
    stdin: { contents, resolveDir: root, sourcefile: ENTRY_NAME, loader: 'ts' },
    bundle: true,
    minify: true,
    splitting,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    external,
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: join(root, '.size-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [rel(file.path), file.contents]));
  return { files, metafile: result.metafile };
}

/** Output chunks reachable from `start` through static imports. */
function staticClosure(metafile, start) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !metafile.outputs[path]) return;
    seen.add(path);
    for (const imported of metafile.outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(start);
  return seen;
}

function dynamicImports(metafile, chunks) {
  const found = new Set();
  for (const chunk of chunks) {
    for (const imported of metafile.outputs[chunk].imports) {
      if (imported.kind === 'dynamic-import' && !imported.external) found.add(imported.path);
    }
  }
  return found;
}

/** Source files that put code into `chunks` (tree-shaken files are listed as inputs with no bytes). */
const contributing = (metafile, chunks) =>
  [...chunks].flatMap((chunk) =>
    Object.entries(metafile.outputs[chunk].inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
const gzipOf = (files, chunks) => [...chunks].reduce((sum, chunk) => sum + gzip(files.get(chunk)), 0);
const minOf = (files, chunks) => [...chunks].reduce((sum, chunk) => sum + files.get(chunk).length, 0);

/**
 * What a first visit loads: the entry with its static imports, then every chunk it imports on demand except
 * the preferences dialog (Radix), the policy page and the texts of other languages; the same again for what
 * those chunks import. Of the chunks that hold only one language's texts, the largest language counts.
 */
function firstVisitChunks(metafile, files) {
  // Every `import()` target is an entry point too; the page's own is the one built from stdin.
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path].entryPoint === ENTRY_NAME);
  const initial = staticClosure(metafile, entry);
  const kindOf = (chunk) => {
    const sources = contributing(metafile, [chunk]);
    if (sources.some((source) => /@radix-ui\/react-dialog\//.test(source))) return 'dialog';
    if (sources.some((source) => /src\/ui\/panels\/policy\//.test(source))) return 'policy';
    // Loaded only where the app words the policy text itself, to hash its words.
    if (sources.some((source) => /src\/ui\/panels\/shared\/policy-text-hash/.test(source))) return 'own wording';
    const languages = new Set(sources.map((source) => /locales\/([^/]+)\//.exec(source)?.[1]));
    if (sources.length > 0 && languages.size === 1 && !languages.has(undefined)) return `language ${[...languages][0]}`;
    return 'first visit';
  };
  const firstVisit = new Set(initial);
  const dialogChunks = new Set();
  const languages = new Map();
  const queue = [...dynamicImports(metafile, initial)];
  const seen = new Set();
  while (queue.length > 0) {
    const target = queue.shift();
    if (seen.has(target)) continue;
    seen.add(target);
    const kind = kindOf(target);
    const closure = staticClosure(metafile, target);
    if (kind === 'first visit') {
      for (const chunk of closure) firstVisit.add(chunk);
      queue.push(...dynamicImports(metafile, closure));
    } else if (kind === 'dialog') {
      for (const chunk of closure) dialogChunks.add(chunk);
    } else if (kind.startsWith('language')) {
      languages.set(kind, new Set([...(languages.get(kind) ?? []), ...closure]));
    }
  }
  const [language] = [...languages.values()].sort((a, b) => gzipOf(files, b) - gzipOf(files, a));
  for (const chunk of language ?? []) firstVisit.add(chunk);
  for (const chunk of firstVisit) dialogChunks.delete(chunk);
  return {
    entry,
    initial,
    bannerChunks: firstVisit,
    dialogChunks,
    languages: languages.size,
    texts: language ?? new Set(),
  };
}

const rows = [];
const failures = [];
function row(name, measured, budget, note = '') {
  rows.push([name, measured === undefined ? '-' : kib(measured), budget === undefined ? '-' : kib(budget), note]);
  if (budget !== undefined && measured !== undefined && measured > budget) {
    failures.push(`${name}: ${kib(measured)} is over its budget of ${kib(budget)}`);
  }
}

const stylesheet = join(root, 'src/ui/styles.css');

// `--package-only` checks the packed package alone.
if (!process.argv.includes('--package-only')) await budgets();

async function budgets() {
  // 1. The headless entry. Its initial load is its static imports in one file, as a bundler ships an entry
  // with the modules only it uses; what it fetches once running (decisions, cross-tab sync, the expiry
  // timer, the storage cleanup) is reported with it, as the chunks a code-splitting build writes.
  const headlessEntry = `export { ConsentProvider, useConsent, ConsentGate, useTrackedPixel } from './src/index.ts';`;
  const headlessInitial = await bundle(headlessEntry, { initial: true });
  const headlessInitialJs = [...headlessInitial.files.values()][0];
  const headless = await bundle(headlessEntry, { splitting: true });
  const headlessChunks = firstVisitChunks(headless.metafile, headless.files).bannerChunks;
  const headlessVisit = gzipOf(headless.files, headlessChunks);
  // What the page loads, not every chunk the build writes: the UI's on-demand chunks exist but never load.
  const heavy = contributing(headless.metafile, headlessChunks).filter(
    (input) => UI_DEPENDENCY.test(input) || /src\/ui\//.test(input),
  );
  row(
    'headless entry (ConsentProvider, useConsent, ConsentGate, useTrackedPixel), initial load',
    gzip(headlessInitialJs),
    BUDGET.headless,
    `${kib(headlessInitialJs.length)} min`,
  );
  row(
    'headless entry with what it loads once running',
    headlessVisit,
    undefined,
    'decisions, cross-tab sync, expiry timer, storage cleanup; split into chunks',
  );
  if (heavy.length > 0) failures.push(`the headless entry pulls in UI code: ${heavy.slice(0, 5).join(', ')}`);

  // 2. The UI.
  const app = [
    `export { ConsentProvider, ConsentGate } from './src/index.ts';`,
    `export { ConsentBanner, PreferencesDialog, CookieSettingsButton } from './src/ui/index.ts';`,
  ].join('\n');
  // The banner's own code is what <ConsentBanner> adds to a first visit beyond the headless entry (its
  // texts included, i18next left out). Both figures come from code-splitting builds, so that the chunks
  // the headless part is split into are not counted as the banner's. The app a shop mounts (the banner,
  // the preferences dialog's wrapper and the footer's settings button) is reported too; everything a first
  // visit loads, i18next included, has its own budget below.
  const beyondHeadless = async (source) => {
    const built = await bundle(source, { external: [...REACT, ...I18N], splitting: true });
    const visit = firstVisitChunks(built.metafile, built.files);
    return {
      bytes: gzipOf(built.files, visit.bannerChunks) - headlessVisit,
      texts: gzipOf(built.files, visit.texts),
    };
  };
  const banner = await beyondHeadless(
    [
      `export { ConsentProvider, ConsentGate } from './src/index.ts';`,
      `export { ConsentBanner } from './src/ui/index.ts';`,
    ].join('\n'),
  );
  row(
    'banner own code, JS (what ConsentBanner adds to a first visit beyond the headless entry)',
    banner.bytes,
    BUDGET.bannerJs,
    `of which texts of one language: ${kib(banner.texts)}`,
  );
  const mounted = await beyondHeadless(app);
  row(
    'the same with PreferencesDialog and CookieSettingsButton mounted, as a shop does',
    mounted.bytes,
    undefined,
    'the dialog itself loads on demand',
  );

  const minified = await transform(readFileSync(stylesheet, 'utf8'), { loader: 'css', minify: true });
  const css = gzip(Buffer.from(minified.code));
  row('banner stylesheet (src/ui/styles.css)', css, BUDGET.stylesheet);

  const full = await bundle(app, { splitting: true });
  const chunks = firstVisitChunks(full.metafile, full.files);
  const js = gzipOf(full.files, chunks.bannerChunks);
  row(
    'first visit, everything but React: JS',
    js,
    undefined,
    `${chunks.bannerChunks.size} chunk(s)${chunks.languages > 1 ? `, texts of one language of ${chunks.languages}` : ''}`,
  );
  row('first visit, everything but React: JS + CSS', js + css, BUDGET.firstVisit, 'i18next, react-i18next included');
  row(
    'on demand: preferences dialog with Radix',
    chunks.dialogChunks.size ? gzipOf(full.files, chunks.dialogChunks) : undefined,
    undefined,
    chunks.dialogChunks.size ? `${chunks.dialogChunks.size} chunk(s), not in the first visit` : 'no lazy dialog chunk',
  );
  row('entry chunk', gzip(full.files.get(chunks.entry)), undefined, `${kib(minOf(full.files, [chunks.entry]))} min`);

  if (process.argv.includes('--verbose')) {
    for (const [name, set] of [
      ['first visit', chunks.bannerChunks],
      ['dialog', chunks.dialogChunks],
    ]) {
      for (const chunk of set) {
        const top = Object.entries(full.metafile.outputs[chunk].inputs)
          .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
          .slice(0, 6)
          .map(([path, input]) => `${path.replace(/^.*node_modules\//, '')} ${input.bytesInOutput}`);
        console.log(`${name}: ${chunk} ${kib(gzip(full.files.get(chunk)))} gz; ${top.join(', ')}`);
      }
    }
  }

  const eager = contributing(full.metafile, chunks.initial).filter(
    (input) => UI_DEPENDENCY.test(input) || /locales\//.test(input),
  );
  if (eager.length > 0) {
    failures.push(`the entry loads UI dependencies eagerly, not in lazy chunks: ${eager.slice(0, 5).join(', ')}`);
  }
}

// 3. The packed package: publint and arethetypeswrong on a fresh build.
const run = (command, args) =>
  execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
run(process.execPath, [join(root, 'node_modules/tsdown/dist/run.mjs')]);

const { publint } = await import('publint');
const { formatMessage } = await import('publint/utils');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lint = await publint({ pkgDir: root, pack: 'npm', level: 'warning' });
rows.push(['publint (packed)', lint.messages.length === 0 ? 'clean' : `${lint.messages.length} problem(s)`, '-', '']);
for (const message of lint.messages) failures.push(`publint: ${formatMessage(message, pkg)}`);

// Node 10 resolution predates `exports`; the package requires Node 20, so node16 is the profile to check.
// The CSS entry has no types by nature.
let attw = 'clean';
try {
  run(process.execPath, [
    join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
    '--pack',
    '.',
    '--profile',
    'node16',
    '--exclude-entrypoints',
    './styles.css',
    '--format',
    'ascii',
  ]);
} catch (error) {
  attw = 'problems';
  failures.push(`attw --pack:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
}
rows.push(['attw --pack (profile node16)', attw, '-', '']);

const header = ['budget', 'measured (min + gzip -9)', 'limit', 'note'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
if (failures.length > 0) {
  console.error(`\nSize and package checks failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(
  process.argv.includes('--package-only')
    ? '\nThe package checks pass (size budgets not measured: --package-only).'
    : '\nAll size budgets and package checks pass.',
);
