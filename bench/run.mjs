#!/usr/bin/env node
// Browser-runtime and size comparison of react-consent-policy with other consent libraries.
//
// Builds the same small shop page with each library (and once with React only), serves the pages from
// 127.0.0.1, and loads each of them cold in Chromium many times in shuffled order, for a visitor who has not
// decided yet and for one who has accepted everything. Prints one markdown table of medians (min-max) and
// writes bench/results.json. Then runs Lighthouse on the demo shop's production build, when there is one.
//
//   npm run bench                      # 15 cold loads per page and visitor, 7 more undecided at CPU 4x
//   npm run bench -- --loads 3         # a quick look while developing
//   npm run bench -- --slow-loads 2    # undecided loads with the CPU throttled 4x (0: none)
//   npm run bench -- --no-lighthouse   # skip Lighthouse
//   npm run bench -- --build-shop      # build the demo shop first (npm run build:shop)
//   npm run bench -- --write-readme    # put the table and the machine into bench/README.md
//   npm run bench -- --ref HEAD        # measure the library as committed, not the working tree
//   npm run bench -- --pages ours,c15t # only these pages (and the baselines they are measured over)
//   npm run bench -- --profile         # also print where each page's script time goes (CPU profiles of one
//                                      # undecided and one decided load)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
//
// Our library's pages use the package as a shop gets it: the library is built from a copy of its sources
// (the working tree's, or the commit's), packed, and the tarball installed into a throw-away app.
//
// The parts: bench/lib/pages.mjs packs the library and builds the pages, scripts/lib/static-server.mjs serves them,
// bench/lib/measure.mjs loads them, bench/lib/stats.mjs sums the loads up, bench/lib/report.mjs writes
// the table and the READMEs, bench/lib/lighthouse.mjs runs Lighthouse.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';
import { lighthouseOnShop } from './lib/lighthouse.mjs';
import { decidedLoad, profileLoad, renderLoad, undecidedLoad } from './lib/measure.mjs';
import { benchDir, buildPages, definePages, fromRoot, packedLibrary, pagesDir, root } from './lib/pages.mjs';
import { printResults, resultsOf, table, writeReadme } from './lib/report.mjs';
import { shuffle } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '15' },
    'slow-loads': { type: 'string', default: '7' },
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
const SLOW_LOADS = Number(args['slow-loads']);
const RENDER_LOADS = Number(args['render-loads']);
/** How many times slower the CPU is in the throttled loads. */
const CPU_RATE = 4;

// The peers are pinned in bench/package-lock.json; install them on a fresh clone.
if (!existsSync(join(benchDir, 'node_modules/@c15t/react/package.json'))) {
  console.log('Installing the compared libraries (npm ci --prefix bench)...');
  execSync('npm ci --prefix bench --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium is not at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const { chromium } = fromRoot('playwright-core');

const startedAt = Date.now();
console.log(`Building and packing the library (${args.ref ? `commit ${args.ref}` : 'the working tree'})...`);
const library = packedLibrary(args.ref);
console.log(`Installed ${library.tarball}: ${library.installed}.`);
const PAGES = definePages(library.version, args.pages);

const outDir = mkdtempSync(join(tmpdir(), 'consent-bench-'));
const built = await buildPages(PAGES, { outDir, library }).catch((error) => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(library.work, { recursive: true, force: true });
  throw error;
});
/** Pages that could not be built or did not work: id -> why. They are left out of the measurements. */
const failed = built.failed;
/** Loads that failed during the measurements: id -> messages. */
const loadErrors = {};
// No cache header: every load is cold anyway, in a fresh browser context.
const server = await serveStatic(outDir, {
  routes: { '/analytics.js': join(pagesDir, 'analytics.js') },
  noStore: false,
});
const origin = server.url;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
console.log(
  `Built ${PAGES.length} pages; ${LOADS} cold loads per page and visitor, ${SLOW_LOADS} more undecided at CPU ${CPU_RATE}x, shuffled.`,
);

const samples = Object.fromEntries(
  PAGES.map((page) => [page.id, { undecided: [], decided: [], slow: [], renders: [] }]),
);
const states = {};
try {
  // One unrecorded visit per page: checks that the page works and keeps the accepted visitor's storage.
  for (const page of PAGES.filter((candidate) => !failed[candidate.id])) {
    try {
      const { storageState } = await undecidedLoad(browser, origin, page, built);
      states[page.id] = storageState;
      if (args.profile) {
        await profileLoad(browser, origin, page, built);
        await profileLoad(browser, origin, page, built, storageState ?? { cookies: [], origins: [] });
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
      ...Array.from({ length: SLOW_LOADS }, () => ({ page, kind: 'slow' })),
      ...(page.renders ? Array.from({ length: RENDER_LOADS }, () => ({ page, kind: 'renders' })) : []),
    ]),
  );
  let done = 0;
  for (const { page, kind } of tasks) {
    try {
      if (kind === 'undecided')
        samples[page.id].undecided.push((await undecidedLoad(browser, origin, page, built)).result);
      if (kind === 'slow')
        samples[page.id].slow.push((await undecidedLoad(browser, origin, page, built, { cpuRate: CPU_RATE })).result);
      if (kind === 'decided')
        samples[page.id].decided.push((await decidedLoad(browser, origin, page, built, states[page.id])).result);
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
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(library.work, { recursive: true, force: true });
}

const results = resultsOf({
  pages: PAGES,
  samples,
  built,
  failed,
  loadErrors,
  loads: LOADS,
  slowLoads: SLOW_LOADS,
  cpuRate: CPU_RATE,
  ref: args.ref,
  installed: library.installed,
});
printResults(results);
if (!args['no-lighthouse']) {
  results.lighthouse = await lighthouseOnShop({
    runs: Number(args['lighthouse-runs']),
    buildShop: args['build-shop'],
  }).catch((error) => {
    console.error(`\nLighthouse failed: ${error.message}`);
    return { skipped: `failed: ${error.message.split('\n')[0]}` };
  });
}
results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
results.table = table(results);
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${relative(process.cwd(), args.out)} in ${results.durationSeconds} s.`);
if (args['write-readme']) writeReadme(results);
