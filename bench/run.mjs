#!/usr/bin/env node
// Browser-runtime and size comparison of react-consent-policy with other consent libraries.
//
// Builds the same small shop page with each library (and once with React only), serves the pages from
// 127.0.0.1, and loads each of them cold in Chromium many times in shuffled order, for a visitor who has not
// decided yet and for one who has accepted everything. Prints one markdown table of medians (min-max) and
// writes bench/results.json. Then runs Lighthouse on the demo shop's production build, when there is one.
//
//   npm run bench                      # 15 cold loads per page and visitor
//   npm run bench -- --loads 3         # a quick look while developing
//   npm run bench -- --no-lighthouse   # skip Lighthouse
//   npm run bench -- --build-shop      # build the demo shop first (npm run build:shop)
//   npm run bench -- --write-readme    # put the table and the machine into bench/README.md
//   npm run bench -- --ref HEAD        # measure the library as committed, not the working tree
//   npm run bench -- --profile         # also print where each page's script time goes (CPU profiles of one
//                                      # undecided and one decided load)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
const pagesDir = join(benchDir, 'pages');

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '15' },
    'render-loads': { type: 'string', default: '3' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
    'build-shop': { type: 'boolean', default: false },
    'write-readme': { type: 'boolean', default: false },
    ref: { type: 'string' },
    profile: { type: 'boolean', default: false },
    pages: { type: 'string' },
    out: { type: 'string', default: join(benchDir, 'results.json') },
  },
});
const LOADS = Number(args.loads);
const RENDER_LOADS = Number(args['render-loads']);
const LIGHTHOUSE_RUNS = Number(args['lighthouse-runs']);

// The peers are pinned in bench/package-lock.json; install them on a fresh clone.
if (!existsSync(join(benchDir, 'node_modules/@c15t/react/package.json'))) {
  console.log('Installing the compared libraries (npm ci --prefix bench)...');
  execSync('npm ci --prefix bench --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium is not at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const fromRoot = createRequire(join(root, 'package.json'));
const fromBench = createRequire(join(benchDir, 'package.json'));
const { build } = fromRoot('esbuild');
const { chromium } = fromRoot('playwright-core');
const version = (name) =>
  JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;

// --- The pages --------------------------------------------------------------------------------------------

/** The library's sources: the working tree, or a commit's (`--ref`) unpacked beside the build. */
function librarySources() {
  if (!args.ref) return root;
  const dir = mkdtempSync(join(tmpdir(), 'consent-bench-src-'));
  execSync(`git archive ${JSON.stringify(args.ref)} src locales package.json | tar -x -C ${JSON.stringify(dir)}`, {
    cwd: root,
  });
  return dir;
}
const libraryDir = librarySources();

// The package entry lists the UI by name or re-exports its index.
const uiExists =
  existsSync(join(libraryDir, 'src/ui/index.ts')) &&
  /\bConsentBanner\b|['"]\.\/ui(\/index)?['"]/.test(readFileSync(join(libraryDir, 'src/index.ts'), 'utf8'));
const ownVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** Every page shows a banner whose accept button reads "Accept all"; the baseline has no banner. */
const ACCEPT = { selector: 'button', text: 'accept all' };
const ALL_PAGES = [
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
const PAGES = args.pages
  ? ALL_PAGES.filter((page) => page.id === 'baseline' || args.pages.split(',').includes(page.id))
  : ALL_PAGES;

/** One copy of React for every page, and the library from its source so that the page follows the code. */
const resolution = {
  name: 'bench-resolution',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(react|react-dom|scheduler)(\/.*)?$/ }, (resolveArgs) => ({
      path: fromBench.resolve(resolveArgs.path),
    }));
    esbuild.onResolve({ filter: /^react-consent-policy(\/.*)?$/ }, (resolveArgs) => {
      const subpath = resolveArgs.path.slice('react-consent-policy'.length);
      const target = { '': 'src/index.ts', '/core': 'src/core/index.ts', '/styles.css': 'src/ui/styles.css' }[subpath];
      if (!target) return { errors: [{ text: `unknown entry ${resolveArgs.path}` }] };
      // As the package's `sideEffects` says, which a resolver of node_modules would read: only its CSS has any.
      return { path: join(libraryDir, target), sideEffects: target.endsWith('.css') };
    });
  },
};

const sizesOf = (bytes) => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Output file -> its largest sources with their minified bytes. */
const sources = new Map();

/** Pages that could not be built or did not work: id -> why. They are left out of the measurements. */
const failed = {};
/** Loads that failed during the measurements: id -> messages. */
const loadErrors = {};

async function buildPages(outDir) {
  const files = new Map(); // url path -> { type, min, gzip, brotli, page }
  for (const page of PAGES) {
    const dir = join(outDir, page.id);
    let metafile;
    try {
      ({ metafile } = await build({
        entryPoints: { main: join(pagesDir, page.entry) },
        outdir: dir,
        bundle: true,
        splitting: true,
        format: 'esm',
        minify: true,
        platform: 'browser',
        target: 'es2022',
        jsx: 'automatic',
        chunkNames: 'chunk-[hash]',
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: [resolution],
        // A commit's sources unpacked elsewhere still resolve their dependencies here.
        nodePaths: [join(root, 'node_modules')],
        metafile: true,
        logLevel: 'error',
      }));
    } catch (error) {
      if (page.id === 'baseline') throw error;
      failed[page.id] = `does not build: ${error.errors?.[0]?.text ?? error.message.split('\n')[0]}`;
      continue;
    }
    // Which sources fill each output file: where the bytes go.
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      sources.set(
        `/${page.id}/${output.split('/').at(-1)}`,
        Object.entries(inputs)
          .filter(([, input]) => input.bytesInOutput > 0)
          .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
          .slice(0, 8)
          .map(([path, input]) => `${path.replace(/^.*node_modules\//, '')} ${input.bytesInOutput}`),
      );
    }
    const css = existsSync(join(dir, 'main.css')) ? '<link rel="stylesheet" href="main.css">' : '';
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop: ${page.id}</title>${css}<script type="module" src="main.js"></script></head><body><div id="root"></div>${page.body ?? ''}</body></html>`,
    );
    for (const name of readdirSync(dir)) {
      const type = extname(name).slice(1);
      if (type !== 'js' && type !== 'css') continue;
      files.set(`/${page.id}/${name}`, { type, page: page.id, ...sizesOf(readFileSync(join(dir, name))) });
    }
  }
  return files;
}

// --- Serving ----------------------------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A static server on 127.0.0.1; `fallback` serves index.html for unknown paths (client-side routing). */
function serve(dir, { fallback = false, extra = {} } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = extra[path] ?? join(dir, path);
    if (!file.startsWith(dir + sep) && !extra[path]) file = join(dir, 'index.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && fallback && !extname(path)) file = join(dir, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// --- Measuring --------------------------------------------------------------------------------------------

/** Runs in the page before its own scripts: records when the banner shows, layout shifts, long tasks, clicks. */
function probe({ target, devtools }) {
  const m = { bannerAt: null, cls: 0, longTasks: 0, longTaskMs: 0, clickAt: null, commits: 0 };
  window.__m = m;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) m.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      m.longTasks += 1;
      m.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const find = () => {
    for (const element of document.querySelectorAll(target.selector)) {
      if (element.textContent.toLowerCase().includes(target.text) && visible(element)) return element;
    }
    return null;
  };
  const tick = () => {
    if (find()) m.bannerAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('click', (event) => (m.clickAt ??= event.timeStamp), true);
  if (devtools) {
    // React calls this hook on every commit, also in production builds.
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot: () => {
        m.commits += 1;
      },
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    };
  }
}

async function openPage(browser, origin, page, { storageState, devtools = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
  // Nothing leaves the machine: any other host gets an empty answer.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.fulfill({ status: 204, body: '' }),
  );
  const tab = await context.newPage();
  await tab.addInitScript(probe, { target: page.target, devtools });
  tab.on('pageerror', (error) => console.error(`  ${page.id}: page error: ${error.message}`));
  if (process.env.BENCH_DEBUG) tab.on('console', (message) => console.error(`  ${page.id}: ${message.text()}`));
  const requested = [];
  tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { context, tab, cdp, requested };
}

const metric = (metrics, name) => metrics.metrics.find((entry) => entry.name === name)?.value ?? 0;

async function settle(tab) {
  await tab.waitForLoadState('networkidle');
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function snapshot(tab, cdp, requested, files) {
  const metrics = await cdp.send('Performance.getMetrics');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Performance.getMetrics');
  const probeValues = await tab.evaluate(() => ({ ...window.__m, analyticsAt: window.__bench?.analyticsAt ?? null }));
  const loaded = { js: { min: 0, gzip: 0, brotli: 0 }, css: { min: 0, gzip: 0, brotli: 0 } };
  const loadedFiles = {};
  for (const path of new Set(requested)) {
    const file = files.get(path);
    if (!file) continue;
    loadedFiles[path] = { gzip: file.gzip, sources: sources.get(path) };
    for (const key of ['min', 'gzip', 'brotli']) loaded[file.type][key] += file[key];
  }
  return {
    scriptMs: metric(metrics, 'ScriptDuration') * 1000,
    taskMs: metric(metrics, 'TaskDuration') * 1000,
    heapMB: metric(heap, 'JSHeapUsedSize') / 1024 / 1024,
    bannerMs: probeValues.bannerAt,
    analyticsMs: probeValues.analyticsAt,
    longTasks: probeValues.longTasks,
    longTaskMs: probeValues.longTaskMs,
    cls: probeValues.cls,
    loaded,
    loadedFiles,
  };
}

/** A cold load of a visitor who has not decided: banner, metrics, then Accept all until analytics runs. */
async function undecidedLoad(browser, origin, page, files) {
  const { context, tab, cdp, requested } = await openPage(browser, origin, page);
  try {
    await tab.goto(`${origin}/${page.id}/`, { waitUntil: 'load' });
    await tab
      .waitForFunction(() => window.__m.bannerAt !== null, null, { timeout: 15_000 })
      .catch(async (error) => {
        const state = await tab.evaluate(() => ({
          m: window.__m,
          html: document.body.innerHTML.slice(-1500),
          cls: document.documentElement.className,
        }));
        throw new Error(`${page.id}: no banner within 15 s: ${JSON.stringify(state)}`, { cause: error });
      });
    await settle(tab);
    const result = await snapshot(tab, cdp, requested, files);
    if (page.id === 'baseline') return { result };
    if (result.analyticsMs !== null) throw new Error(`${page.id}: analytics ran before any consent`);
    await tab
      .locator('button:visible', { hasText: /accept all/i })
      .first()
      .click();
    await tab.waitForFunction(() => window.__bench?.analyticsAt !== undefined, null, { timeout: 10_000 });
    const after = await tab.evaluate(() => ({
      clickAt: window.__m.clickAt,
      runAt: window.__bench.analyticsAt,
      cls: window.__m.cls,
    }));
    result.acceptToAnalyticsMs = after.runAt - after.clickAt;
    result.cls = after.cls;
    return { result, storageState: await context.storageState() };
  } finally {
    await context.close();
  }
}

/** A cold load of a visitor who accepted everything on an earlier visit. */
async function decidedLoad(browser, origin, page, files, storageState) {
  const { context, tab, cdp, requested } = await openPage(browser, origin, page, { storageState });
  try {
    // The baseline runs the analytics script without asking: what analytics costs with no consent library.
    await tab.goto(`${origin}/${page.id}/${page.id === 'baseline' ? '?analytics' : ''}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__bench?.analyticsAt !== undefined, null, { timeout: 15_000 });
    await settle(tab);
    const result = await snapshot(tab, cdp, requested, files);
    result.bannerShown = await tab.locator('button:visible', { hasText: /accept all/i }).count();
    return { result };
  } finally {
    await context.close();
  }
}

/** Renders of a marketing-only consumer, and React commits, when the analytics category alone is granted. */
/**
 * CPU profile of one load, as the measured loads go: self time per output file and its top sources. Without
 * `storageState`, an undecided visitor until the banner shows; with it, a decided one until analytics runs.
 */
async function profileLoad(browser, origin, page, storageState) {
  const { context, tab, cdp } = await openPage(browser, origin, page, { storageState });
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (storageState) {
      await tab.goto(`${origin}/${page.id}/${page.id === 'baseline' ? '?analytics' : ''}`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.__bench?.analyticsAt !== undefined, null, { timeout: 15_000 });
    } else {
      await tab.goto(`${origin}/${page.id}/`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.__m.bannerAt !== null, null, { timeout: 15_000 });
    }
    await settle(tab);
    const { profile } = await cdp.send('Profiler.stop');
    const deltas = new Map();
    for (const [index, id] of profile.samples.entries()) {
      deltas.set(id, (deltas.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
    }
    const byFile = new Map();
    for (const node of profile.nodes) {
      const url = node.callFrame.url
        ? new URL(node.callFrame.url).pathname
        : `(${node.callFrame.functionName || 'program'})`;
      byFile.set(url, (byFile.get(url) ?? 0) + (deltas.get(node.id) ?? 0) / 1000);
    }
    const until = storageState ? 'a decided visitor, until analytics runs' : 'until the banner shows';
    console.log(`\nWhere ${page.label} spends its main-thread time, ${until} (self ms):`);
    for (const [url, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
      const top = sources.get(url)?.slice(0, 3).join(', ') ?? '';
      console.log(`  ${ms.toFixed(1).padStart(7)}  ${url}  ${top}`);
    }
  } finally {
    await context.close();
  }
}

async function renderLoad(browser, origin, page) {
  const { context, tab } = await openPage(browser, origin, page, { devtools: true });
  try {
    await tab.goto(`${origin}/${page.id}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__m.bannerAt !== null && window.__bench.grantAnalytics, null, {
      timeout: 15_000,
    });
    await settle(tab);
    return await tab.evaluate(async () => {
      window.__bench.unrelatedRenders = 0;
      window.__m.commits = 0;
      window.__bench.grantAnalytics();
      const started = performance.now();
      while (window.__bench.analyticsAt === undefined && performance.now() - started < 5000) {
        await new Promise((done) => setTimeout(done, 20));
      }
      await new Promise((done) => setTimeout(done, 300));
      return {
        renders: window.__bench.unrelatedRenders,
        commits: window.__m.commits,
        analyticsRan: window.__bench.analyticsAt !== undefined,
      };
    });
  } finally {
    await context.close();
  }
}

// --- Statistics and the table -----------------------------------------------------------------------------

function stats(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

function shuffle(list) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const round = (value, digits) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const range = (s, digits = 1) =>
  s ? `${round(s.median, digits)} (${round(s.min, digits)}-${round(s.max, digits)})` : 'n/a';
const kib = (bytes) => (bytes / 1024).toFixed(1);
const bytesCell = (b) => `${kib(b.min)} / ${kib(b.gzip)} / ${kib(b.brotli)}`;

function summarize(samples, key) {
  return stats(samples.map((sample) => sample[key]));
}

function machine() {
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: chromiumVersion,
    node: process.version,
    loadAverage: loadAverage(),
  };
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function table(results) {
  const pages = Object.values(results.pages);
  const head = `| | ${pages.map((page) => page.label).join(' | ')} |\n|---|${pages.map(() => '---').join('|')}|`;
  const line = (name, cell) => `| ${name} | ${pages.map((page) => cell(page)).join(' | ')} |`;
  const u = (page) => page.undecided;
  const d = (page) => page.decided;
  const added = (page, mode) => {
    const base = results.pages.baseline?.[mode]?.scriptMs?.median;
    const own = page[mode]?.scriptMs?.median;
    return page.id === 'baseline' || base === undefined || own === undefined ? '0 (reference)' : round(own - base, 1);
  };
  return [
    head,
    line('First visit JS, KiB min / gzip / brotli', (page) => bytesCell(u(page).loaded.js)),
    line('First visit CSS, KiB min / gzip / brotli', (page) => bytesCell(u(page).loaded.css)),
    line('First visit JS + CSS over baseline, KiB gzip', (page) => {
      const base = results.pages.baseline?.undecided.loaded;
      const own = u(page).loaded;
      return base ? kib(own.js.gzip + own.css.gzip - base.js.gzip - base.css.gzip) : 'n/a';
    }),
    line('All JS built incl. on-demand chunks, KiB gzip', (page) => kib(page.built.js.gzip)),
    line('Navigation to banner visible, ms', (page) =>
      page.id === 'baseline' ? `${range(u(page).bannerMs)} (page content)` : range(u(page).bannerMs),
    ),
    line('Script time, ms', (page) => range(u(page).scriptMs)),
    line('**Added script time over baseline, ms (median)**', (page) => added(page, 'undecided')),
    line('Long tasks, count', (page) => range(u(page).longTasks, 0)),
    line('Long tasks, total ms', (page) => range(u(page).longTaskMs, 0)),
    line('JS heap after GC, MB', (page) => range(u(page).heapMB, 2)),
    line('Accept all to analytics running, ms', (page) =>
      page.id === 'baseline' ? 'n/a' : range(u(page).acceptToAnalyticsMs),
    ),
    line('CLS', (page) => range(u(page).cls, 3)),
    line('Unrelated consumer renders per one-category change', (page) =>
      page.renders ? range(page.renders.renders, 0) : 'n/a (no React consent state)',
    ),
    line('React commits per one-category change', (page) => (page.renders ? range(page.renders.commits, 0) : 'n/a')),
    line('Decided visitor: JS, KiB min / gzip / brotli', (page) => bytesCell(d(page).loaded.js)),
    line('Decided visitor: CSS, KiB min / gzip / brotli', (page) => bytesCell(d(page).loaded.css)),
    line('Decided visitor: script time, ms', (page) => range(d(page).scriptMs)),
    line('**Decided visitor: added script time over baseline, ms (median)**', (page) => added(page, 'decided')),
    line('Decided visitor: navigation to analytics running, ms', (page) =>
      page.id === 'baseline' ? `${range(d(page).analyticsMs)} (no consent check)` : range(d(page).analyticsMs),
    ),
  ].join('\n');
}

// --- Lighthouse on the demo shop --------------------------------------------------------------------------

async function lighthouseOnShop() {
  const shopDist = join(root, 'examples/shop/dist');
  if (args['build-shop']) execSync('npm run build:shop', { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(shopDist, 'index.html'))) {
    console.log(
      '\nLighthouse: skipped, the demo shop is not built (run `npm run build:shop` to write examples/shop/dist).',
    );
    return { skipped: 'examples/shop/dist/index.html is missing; run npm run build:shop' };
  }
  const { default: lighthouse } = await import(fromBench.resolve('lighthouse'));
  const chromeLauncher = await import(fromBench.resolve('chrome-launcher'));
  const server = await serve(shopDist, { fallback: true });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const bannerOpen = await shopShowsBanner(url);
  if (!bannerOpen) console.warn('Lighthouse: the demo shop showed no consent banner to a new visitor.');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    // Any host other than this machine fails to resolve: nothing leaves the machine.
    chromeFlags: [
      ...CHROMIUM_ARGS.filter((flag) => flag !== '--headless'),
      '--headless=new',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  try {
    // Lighthouse clears the origin's storage before each run: the visitor is undecided, the banner open.
    const runs = [];
    for (let index = 0; index < LIGHTHOUSE_RUNS; index += 1) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const { categories, audits } = run.lhr;
      runs.push({
        lighthouseVersion: run.lhr.lighthouseVersion,
        formFactor: run.lhr.configSettings.formFactor,
        performance: Math.round(categories.performance.score * 100),
        accessibility: Math.round(categories.accessibility.score * 100),
        bestPractices: Math.round(categories['best-practices'].score * 100),
        cls: audits['cumulative-layout-shift'].numericValue,
        tbtMs: audits['total-blocking-time'].numericValue,
        lcpMs: audits['largest-contentful-paint'].numericValue,
        failedAccessibilityAudits: categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
          .map((ref) => ref.id),
      });
    }
    const median = (key) => stats(runs.map((run) => run[key])).median;
    const result = {
      url: 'examples/shop/dist',
      bannerOpen,
      runs: runs.length,
      lighthouseVersion: runs[0].lighthouseVersion,
      formFactor: runs[0].formFactor,
      performance: median('performance'),
      accessibility: median('accessibility'),
      bestPractices: median('bestPractices'),
      cls: median('cls'),
      tbtMs: median('tbtMs'),
      lcpMs: median('lcpMs'),
      failedAccessibilityAudits: [...new Set(runs.flatMap((run) => run.failedAccessibilityAudits))],
      each: runs.map(({ failedAccessibilityAudits, lighthouseVersion, formFactor, ...values }) => values),
    };
    console.log(
      `\nLighthouse ${result.lighthouseVersion} (${result.formFactor}) on the demo shop, ${bannerOpen ? 'banner open' : 'NO banner seen'}, median of ${runs.length} runs:\n\n` +
        '| performance | accessibility | best practices | CLS | TBT, ms | LCP, ms |\n|---|---|---|---|---|---|\n' +
        `| ${result.performance} | ${result.accessibility} | ${result.bestPractices} | ${result.cls.toFixed(3)} | ${Math.round(result.tbtMs)} | ${Math.round(result.lcpMs)} |`,
    );
    if (result.failedAccessibilityAudits.length)
      console.log(`Accessibility audits not passed: ${result.failedAccessibilityAudits.join(', ')}`);
    return result;
  } finally {
    await chrome.kill();
    server.close();
  }
}

/** Whether a new visitor sees the shop's banner (an "Accept all" button, in either language). */
async function shopShowsBanner(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) =>
      route.request().url().startsWith(url) ? route.continue() : route.fulfill({ status: 204, body: '' }),
    );
    const tab = await context.newPage();
    await tab.goto(url);
    const accept = tab.locator('button:visible', { hasText: /accept all|hyväksy kaikki/i }).first();
    return await accept.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
  } finally {
    await browser.close();
  }
}

// --- Main -------------------------------------------------------------------------------------------------

const startedAt = Date.now();
const outDir = mkdtempSync(join(tmpdir(), 'consent-bench-'));
const files = await buildPages(outDir);
const server = await serve(outDir, { extra: { '/analytics.js': join(pagesDir, 'analytics.js') } });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
console.log(`Built ${PAGES.length} pages; ${LOADS} cold loads per page and visitor, shuffled.`);

const samples = Object.fromEntries(PAGES.map((page) => [page.id, { undecided: [], decided: [], renders: [] }]));
const states = {};
try {
  // One unrecorded visit per page: checks that the page works and keeps the accepted visitor's storage.
  for (const page of PAGES.filter((candidate) => !failed[candidate.id])) {
    try {
      const { storageState } = await undecidedLoad(browser, origin, page, files);
      states[page.id] = storageState;
      if (args.profile) {
        await profileLoad(browser, origin, page);
        await profileLoad(browser, origin, page, storageState ?? { cookies: [], origins: [] });
      }
    } catch (error) {
      if (page.id === 'baseline') throw error;
      failed[page.id] = `does not work: ${error.message.split('\n')[0]}`;
    }
  }
  const tasks = shuffle(
    PAGES.filter((page) => !failed[page.id]).flatMap((page) => [
      ...Array.from({ length: LOADS }, () => ({ page, kind: 'undecided' })),
      ...Array.from({ length: LOADS }, () => ({ page, kind: 'decided' })),
      ...(page.renders ? Array.from({ length: RENDER_LOADS }, () => ({ page, kind: 'renders' })) : []),
    ]),
  );
  let done = 0;
  for (const { page, kind } of tasks) {
    try {
      if (kind === 'undecided')
        samples[page.id].undecided.push((await undecidedLoad(browser, origin, page, files)).result);
      if (kind === 'decided')
        samples[page.id].decided.push((await decidedLoad(browser, origin, page, files, states[page.id])).result);
      if (kind === 'renders') samples[page.id].renders.push(await renderLoad(browser, origin, page));
    } catch (error) {
      // A load that times out on a busy machine is counted and left out, not retried.
      loadErrors[page.id] = [...(loadErrors[page.id] ?? []), `${kind}: ${error.message.split('\n')[0]}`];
    }
    done += 1;
    if (done % 25 === 0) console.log(`  ${done}/${tasks.length} loads`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
  if (libraryDir !== root) rmSync(libraryDir, { recursive: true, force: true });
}

/** Every JS and CSS file the page's build wrote, on-demand chunks included. */
function builtBytes(pageId) {
  const total = { js: { min: 0, gzip: 0, brotli: 0 }, css: { min: 0, gzip: 0, brotli: 0 } };
  for (const file of files.values()) {
    if (file.page !== pageId) continue;
    for (const key of ['min', 'gzip', 'brotli']) total[file.type][key] += file[key];
  }
  return total;
}

const summarizeMode = (list) => ({
  loaded: list[0]?.loaded ?? { js: { min: 0, gzip: 0, brotli: 0 }, css: { min: 0, gzip: 0, brotli: 0 } },
  loadedFilesGzip: list[0]?.loadedFiles ?? {},
  ...Object.fromEntries(
    [
      'bannerMs',
      'scriptMs',
      'taskMs',
      'heapMB',
      'longTasks',
      'longTaskMs',
      'cls',
      'acceptToAnalyticsMs',
      'analyticsMs',
    ].map((key) => [key, summarize(list, key)]),
  ),
  bannerShownToDecided: list.some((sample) => sample.bannerShown > 0),
});

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  loadsPerPage: LOADS,
  librarySource: args.ref
    ? `commit ${execSync(`git rev-parse --short ${JSON.stringify(args.ref)}`, { cwd: root, encoding: 'utf8' }).trim()}`
    : workingTree(),
  method:
    "esbuild min bundles (splitting, React from one copy) served from 127.0.0.1; each load a fresh browser context (cold cache, empty storage or the accepted visitor's storage); metrics after banner visible + network idle; CDP Performance.getMetrics ScriptDuration; bytes are the JS/CSS files the page requested before any click.",
  failed,
  loadErrors,
  pages: Object.fromEntries(
    PAGES.filter((page) => !failed[page.id]).map((page) => {
      const sample = samples[page.id];
      return [
        page.id,
        {
          id: page.id,
          label: page.label,
          built: builtBytes(page.id),
          undecided: summarizeMode(sample.undecided),
          decided: summarizeMode(sample.decided),
          renders: page.renders
            ? {
                renders: summarize(sample.renders, 'renders'),
                commits: summarize(sample.renders, 'commits'),
                analyticsRan: sample.renders.every((entry) => entry.analyticsRan),
              }
            : null,
        },
      ];
    }),
  ),
};
for (const page of Object.values(results.pages)) {
  if (page.decided.bannerShownToDecided) console.warn(`Warning: ${page.label} showed its banner to a decided visitor.`);
}

console.log(`\n${table(results)}\n`);
for (const [id, why] of Object.entries(failed)) console.warn(`Left out: ${id} ${why}`);
for (const [id, errors] of Object.entries(loadErrors)) {
  console.warn(`${id}: ${errors.length} load(s) failed and are left out, e.g. ${errors[0]}`);
}
console.log(
  `Medians (min-max) of ${LOADS} cold loads per page and visitor; machine: ${results.machine.nproc} cores, ${results.machine.cpu}, ${results.machine.chromium}, Node ${results.machine.node}.`,
);
if (!args['no-lighthouse']) {
  results.lighthouse = await lighthouseOnShop().catch((error) => {
    console.error(`\nLighthouse failed: ${error.message}`);
    return { skipped: `failed: ${error.message.split('\n')[0]}` };
  });
}
results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
results.table = table(results);
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${relative(process.cwd(), args.out)} in ${results.durationSeconds} s.`);
if (args['write-readme']) writeReadme(results);

/** Which code a run measured: the working tree, at its commit, and whether it had changes beyond it. */
function workingTree() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
    const changed = execSync('git status --porcelain -- src locales package.json', {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return `working tree at ${commit}${changed ? ', with uncommitted changes' : ''}`;
  } catch {
    return 'working tree';
  }
}

/** The figures a reader of the project's README wants first: one line per library. */
function summary(results) {
  const pages = Object.values(results.pages).filter((page) => page.id !== 'baseline');
  const base = results.pages.baseline;
  const over = (page, mode) => {
    const own = page[mode]?.scriptMs?.median;
    const reference = base?.[mode]?.scriptMs?.median;
    return own === undefined || reference === undefined ? 'n/a' : round(own - reference, 1);
  };
  const bytes = (page) => {
    const own = page.undecided.loaded;
    const reference = base?.undecided.loaded;
    return reference ? kib(own.js.gzip + own.css.gzip - reference.js.gzip - reference.css.gzip) : 'n/a';
  };
  const renders = (page) =>
    page.renders
      ? `${round(page.renders.renders.median, 0)} / ${round(page.renders.commits.median, 0)}`
      : 'n/a (no React state)';
  return [
    '| | first visit JS + CSS, KiB gzip | banner visible, ms | added script time, undecided / decided, ms | unrelated renders / commits per change | CLS |',
    '|---|---|---|---|---|---|',
    ...pages.map(
      (page) =>
        `| ${page.label} | ${bytes(page)} | ${round(page.undecided.bannerMs.median, 0)} | ${over(page, 'undecided')} / ${over(page, 'decided')} | ${renders(page)} | ${round(page.undecided.cls.median, 3)} |`,
    ),
  ].join('\n');
}

/** Replaces the block between `start` and `end` in `file` and formats the file as the project's linter expects. */
function replaceBlock(file, start, end, block) {
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`${file} has no ${start} ... ${end} block`);
  writeFileSync(file, text.slice(0, from) + [start, block, end].join('\n') + text.slice(to + end.length));
  execSync(`npx biome format --write ${JSON.stringify(file)}`, { cwd: root, stdio: 'ignore' });
  console.log(`Updated ${relative(process.cwd(), file)}.`);
}

/** Replaces the results blocks of bench/README.md (the whole table) and README.md (a summary). */
function writeReadme(run) {
  const { machine: m, lighthouse: lh } = run;
  const lighthouseText = !lh
    ? 'Lighthouse: not run.'
    : lh.skipped
      ? `Lighthouse: skipped (${lh.skipped}).`
      : `Lighthouse ${lh.lighthouseVersion} (${lh.formFactor}, simulated throttling) on the demo shop's production build, ${lh.bannerOpen ? 'banner open' : 'no banner seen'}, median of ${lh.runs} runs:\n\n` +
        '| performance | accessibility | best practices | CLS | TBT, ms | LCP, ms |\n|---|---|---|---|---|---|\n' +
        `| ${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${lh.cls.toFixed(3)} | ${Math.round(lh.tbtMs)} | ${Math.round(lh.lcpMs)} |`;
  const machineLine = `Run on ${run.date.slice(0, 16).replace('T', ' ')} UTC: ${m.nproc} cores (${m.cpu}), ${m.chromium}, Node ${m.node}, load average at the end ${m.loadAverage}. Library from the ${run.librarySource}. ${run.loadsPerPage} cold loads per page and visitor, shuffled; medians (min-max). The whole run took ${run.durationSeconds} s.`;
  replaceBlock(
    join(benchDir, 'README.md'),
    '<!-- results:start -->',
    '<!-- results:end -->',
    [machineLine, '', run.table, '', lighthouseText].join('\n'),
  );
  replaceBlock(
    join(root, 'README.md'),
    '<!-- bench:start -->',
    '<!-- bench:end -->',
    [machineLine, '', summary(run), '', lighthouseText].join('\n'),
  );
}
