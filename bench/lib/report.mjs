// What a run of the benchmark reports: the machine and the code it measured, the markdown table of every
// page, the README summary, and the rewriting of the results blocks of bench/README.md and README.md.
import { execFileSync, execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { SOURCE_ROOTS } from '../../scripts/lib/library-paths.mjs';
import { benchDir, root } from './pages.mjs';
import { builtBytes, summarize, summarizeMode } from './stats.mjs';

export const round = (value, digits) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
export const range = (s, digits = 1) =>
  s ? `${round(s.median, digits)} (${round(s.min, digits)}-${round(s.max, digits)})` : 'n/a';
export const kib = (bytes) => (bytes / 1024).toFixed(1);
const bytesCell = (b) => `${kib(b.min)} / ${kib(b.gzip)} / ${kib(b.brotli)}`;

/** What a run found, as bench/results.json keeps it (Lighthouse and the run's duration are added after). */
export function resultsOf({ pages, samples, built, failed, loadErrors, loads, ref }) {
  return {
    date: new Date().toISOString(),
    machine: machine(),
    loadsPerPage: loads,
    librarySource: ref
      ? `commit ${execSync(`git rev-parse --short ${JSON.stringify(ref)}`, { cwd: root, encoding: 'utf8' }).trim()}`
      : workingTree(),
    method:
      "esbuild min bundles (splitting, React from one copy) served from 127.0.0.1; each load a fresh browser context (cold cache, empty storage or the accepted visitor's storage); metrics after banner visible + network idle; CDP Performance.getMetrics ScriptDuration; bytes are the JS/CSS files the page requested before any click.",
    failed,
    loadErrors,
    pages: Object.fromEntries(
      pages
        .filter((page) => !failed[page.id])
        .map((page) => {
          const sample = samples[page.id];
          return [
            page.id,
            {
              id: page.id,
              label: page.label,
              built: builtBytes(built.files, page.id),
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
}

/** The table, with what was left out and on which machine. */
export function printResults(results) {
  for (const page of Object.values(results.pages)) {
    if (page.decided.bannerShownToDecided)
      console.warn(`Warning: ${page.label} showed its banner to a decided visitor.`);
  }
  console.log(`\n${table(results)}\n`);
  for (const [id, why] of Object.entries(results.failed)) console.warn(`Left out: ${id} ${why}`);
  for (const [id, errors] of Object.entries(results.loadErrors)) {
    console.warn(`${id}: ${errors.length} load(s) failed and are left out, e.g. ${errors[0]}`);
  }
  const { machine: m } = results;
  console.log(
    `Medians (min-max) of ${results.loadsPerPage} cold loads per page and visitor; machine: ${m.nproc} cores, ${m.cpu}, ${m.chromium}, Node ${m.node}.`,
  );
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

export function table(results) {
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

/** Which code a run measured: the working tree, at its commit, and whether it had changes beyond it. */
function workingTree() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
    const changed = execSync(`git status --porcelain -- ${SOURCE_ROOTS.join(' ')} package.json`, {
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
export function writeReadme(run) {
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
