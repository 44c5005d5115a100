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
export function resultsOf({ pages, samples, built, failed, loadErrors, loads, slowLoads, cpuRate, ref, installed }) {
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    loadsPerPage: loads,
    slowLoadsPerPage: slowLoads,
    cpuRate,
    packageInstall: installed,
    librarySource: ref
      ? `commit ${execSync(`git rev-parse --short ${JSON.stringify(ref)}`, { cwd: root, encoding: 'utf8' }).trim()}`
      : workingTree(),
    method:
      "esbuild min bundles (splitting, React from one copy; react-consent-policy from its packed tarball installed into a throw-away app) served from 127.0.0.1; each load a fresh browser context (cold cache, empty storage or the accepted visitor's storage); metrics after banner visible + network idle; CDP Performance.getMetrics ScriptDuration (threadTicks); CPU-throttled loads with Emulation.setCPUThrottlingRate; bytes are the JS/CSS files the page requested before any click.",
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
              reference: page.id === 'baseline' ? null : page.reference,
              baseline: !!page.baseline,
              ours: !!page.ours,
              built: builtBytes(built.files, page.id),
              undecided: summarizeMode(sample.undecided),
              decided: summarizeMode(sample.decided),
              slow: sample.slow.length ? summarizeMode(sample.slow) : null,
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
  results.ratios = ratios(results);
  results.goals = goals(results);
  return results;
}

/** The table, with what was left out and on which machine. */
export function printResults(results) {
  for (const page of Object.values(results.pages)) {
    if (page.decided.bannerShownToDecided)
      console.warn(`Warning: ${page.label} showed its banner to a decided visitor.`);
  }
  console.log(`\n${table(results)}\n`);
  console.log(`Ratios of our pages to the peers (below 1: ours is smaller or sooner):\n\n${ratioTable(results)}\n`);
  console.log(`Goals, from this run:\n\n${goalTable(results)}\n`);
  for (const [id, why] of Object.entries(results.failed)) console.warn(`Left out: ${id} ${why}`);
  for (const [id, errors] of Object.entries(results.loadErrors)) {
    console.warn(`${id}: ${errors.length} load(s) failed and are left out, e.g. ${errors[0]}`);
  }
  const { machine: m } = results;
  console.log(
    `Medians (min-max) of ${results.loadsPerPage} cold loads per page and visitor (${results.slowLoadsPerPage} undecided at CPU ${results.cpuRate}x); package: ${results.packageInstall}; machine: ${m.nproc} cores, ${m.cpu}, ${m.chromium}, Node ${m.node}.`,
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

/** A page's median of `key` for one visitor (`undecided`, `decided` or `slow`), or undefined. */
const median = (page, mode, key) => page?.[mode]?.[key]?.median ?? undefined;

/** A page's median script time over its reference baseline's, for one visitor; undefined without both. */
export function addedScript(results, page, mode) {
  const reference = results.pages[page.reference];
  const own = median(page, mode, 'scriptMs');
  const base = median(reference, mode, 'scriptMs');
  return own === undefined || base === undefined ? undefined : own - base;
}

/** The JS + CSS gzip bytes a page's first load (`mode`) requested over its reference baseline's. */
export function addedBytes(results, page, mode) {
  const reference = results.pages[page.reference]?.[mode]?.loaded;
  const own = page[mode]?.loaded;
  return reference && own ? own.js.gzip + own.css.gzip - reference.js.gzip - reference.css.gzip : undefined;
}

/** " (over React + react-i18next)": which baseline a figure is over, when not the plain one. */
const overWhich = (results, page) =>
  page.reference && page.reference !== 'baseline'
    ? ` (over ${(results.pages[page.reference]?.label ?? page.reference).split(' (')[0]})`
    : '';

export function table(results) {
  const pages = Object.values(results.pages);
  const head = `| | ${pages.map((page) => page.label).join(' | ')} |\n|---|${pages.map(() => '---').join('|')}|`;
  const line = (name, cell) => `| ${name} | ${pages.map((page) => cell(page)).join(' | ')} |`;
  const u = (page) => page.undecided;
  const d = (page) => page.decided;
  const added = (page, mode) => {
    if (page.id === 'baseline') return '0 (reference)';
    const value = addedScript(results, page, mode);
    return value === undefined ? 'n/a' : `${round(value, 1)}${overWhich(results, page)}`;
  };
  const cpu = `CPU ${results.cpuRate ?? 4}x`;
  const slow = pages.some((page) => page.slow)
    ? [
        line(`Navigation to banner visible, ${cpu}, ms`, (page) =>
          page.slow ? `${range(page.slow.bannerMs)}${page.baseline ? ' (page content)' : ''}` : 'n/a',
        ),
        line(`Script time, ${cpu}, ms`, (page) => (page.slow ? range(page.slow.scriptMs) : 'n/a')),
        line(`**Added script time over baseline, ${cpu}, ms (median)**`, (page) =>
          page.slow ? added(page, 'slow') : 'n/a',
        ),
      ]
    : [];
  return [
    head,
    line('First visit JS, KiB min / gzip / brotli', (page) => bytesCell(u(page).loaded.js)),
    line('First visit CSS, KiB min / gzip / brotli', (page) => bytesCell(u(page).loaded.css)),
    line('First visit JS + CSS over baseline, KiB gzip', (page) => {
      if (page.id === 'baseline') return '0.0';
      const value = addedBytes(results, page, 'undecided');
      return value === undefined ? 'n/a' : `${kib(value)}${overWhich(results, page)}`;
    }),
    line('All JS built incl. on-demand chunks, KiB gzip', (page) => kib(page.built.js.gzip)),
    line('Navigation to banner visible, ms', (page) =>
      page.baseline ? `${range(u(page).bannerMs)} (page content)` : range(u(page).bannerMs),
    ),
    line('Script time, ms', (page) => range(u(page).scriptMs)),
    line('**Added script time over baseline, ms (median)**', (page) => added(page, 'undecided')),
    ...slow,
    line('Long tasks, count', (page) => range(u(page).longTasks, 0)),
    line('Long tasks, total ms', (page) => range(u(page).longTaskMs, 0)),
    line('JS heap after GC, MB', (page) => range(u(page).heapMB, 2)),
    line('Accept all to analytics running, ms', (page) => (page.baseline ? 'n/a' : range(u(page).acceptToAnalyticsMs))),
    line('CLS', (page) => range(u(page).cls, 3)),
    line('Unrelated consumer renders per one-category change', (page) =>
      page.renders ? range(page.renders.renders, 0) : 'n/a (no React consent state)',
    ),
    line('React commits per one-category change', (page) => (page.renders ? range(page.renders.commits, 0) : 'n/a')),
    line('Decided visitor: JS, KiB min / gzip / brotli', (page) => bytesCell(d(page).loaded.js)),
    line('Decided visitor: CSS, KiB min / gzip / brotli', (page) => bytesCell(d(page).loaded.css)),
    line('Decided visitor: JS + CSS over baseline, KiB gzip', (page) => {
      if (page.id === 'baseline') return '0.0';
      const value = addedBytes(results, page, 'decided');
      return value === undefined ? 'n/a' : `${kib(value)}${overWhich(results, page)}`;
    }),
    line('Decided visitor: script time, ms', (page) => range(d(page).scriptMs)),
    line('**Decided visitor: added script time over baseline, ms (median)**', (page) => added(page, 'decided')),
    line('Decided visitor: navigation to analytics running, ms', (page) =>
      page.baseline ? `${range(d(page).analyticsMs)} (no consent check)` : range(d(page).analyticsMs),
    ),
  ].join('\n');
}

const VANILLA = 'vanilla-cookieconsent';
const RCC = 'react-cookie-consent';
/** Our pages the ratios and the goals are about: the full UI and the headless use (and the react-i18next shop). */
const oursOf = (results) => Object.values(results.pages).filter((page) => page.ours);

/**
 * Ours over a peer, for each of our pages: `value(page)` of ours divided by the peer's. Null where a figure is
 * missing or the peer's is not above zero (a ratio to nothing says nothing).
 */
function ratios(results) {
  const peers = { [VANILLA]: results.pages[VANILLA], [RCC]: results.pages[RCC] };
  const rows = [
    ['Banner visible', VANILLA, (page) => median(page, 'undecided', 'bannerMs')],
    ['Banner visible', RCC, (page) => median(page, 'undecided', 'bannerMs')],
    ['Added script time, undecided', VANILLA, (page) => addedScript(results, page, 'undecided')],
    ['Added script time, decided', RCC, (page) => addedScript(results, page, 'decided')],
    [`Added script time, undecided, CPU ${results.cpuRate}x`, VANILLA, (page) => addedScript(results, page, 'slow')],
    [`Banner visible, CPU ${results.cpuRate}x`, VANILLA, (page) => median(page, 'slow', 'bannerMs')],
    ['First visit JS + CSS over baseline, gzip', VANILLA, (page) => addedBytes(results, page, 'undecided')],
    ['First visit JS + CSS over baseline, gzip', RCC, (page) => addedBytes(results, page, 'undecided')],
  ];
  return rows.map(([what, peer, value]) => {
    const theirs = peers[peer] ? value(peers[peer]) : undefined;
    return {
      what,
      peer,
      peerValue: theirs ?? null,
      ours: Object.fromEntries(
        oursOf(results).map((page) => {
          const own = value(page);
          return [page.id, { value: own ?? null, ratio: own === undefined || !(theirs > 0) ? null : own / theirs }];
        }),
      ),
    };
  });
}

/** The ratios as a markdown table: one row per figure and peer, one column per page of ours. */
export function ratioTable(results) {
  const pages = oursOf(results);
  return [
    `| ours / peer, medians | ${pages.map((page) => page.label).join(' | ')} |`,
    `|---|${pages.map(() => '---').join('|')}|`,
    ...results.ratios.map(
      (row) =>
        `| ${row.what}: ours / ${row.peer} | ${pages.map((page) => round(row.ours[page.id]?.ratio, 2)).join(' | ')} |`,
    ),
  ].join('\n');
}

/** Decided visitor's bytes over the baseline, at most this many (gzip). */
const DECIDED_BYTES_GOAL = 4 * 1024;

/**
 * The goals, each measured on our pages from this run: what was measured and whether it met the goal
 * (null when it could not be measured).
 */
function goals(results) {
  const peer = (id) => results.pages[id];
  const ms = (value) => (value === undefined ? 'n/a' : `${round(value, 1)} ms`);
  const atMost = (own, limit) => (own === undefined || limit === undefined ? null : own <= limit);
  const rows = [
    {
      goal: `banner visible no later than ${VANILLA}'s median`,
      value: (page) => median(page, 'undecided', 'bannerMs'),
      limit: () => median(peer(VANILLA), 'undecided', 'bannerMs'),
      show: ms,
    },
    {
      goal: `banner visible no later than ${RCC}'s median`,
      value: (page) => median(page, 'undecided', 'bannerMs'),
      limit: () => median(peer(RCC), 'undecided', 'bannerMs'),
      show: ms,
    },
    {
      goal: `added script time, undecided, at most ${VANILLA}'s`,
      value: (page) => addedScript(results, page, 'undecided'),
      limit: () => (peer(VANILLA) ? addedScript(results, peer(VANILLA), 'undecided') : undefined),
      show: ms,
    },
    {
      goal: `decided visitor's added script time at most ${RCC}'s`,
      value: (page) => addedScript(results, page, 'decided'),
      limit: () => (peer(RCC) ? addedScript(results, peer(RCC), 'decided') : undefined),
      show: ms,
    },
    {
      goal: "decided visitor's JS + CSS at most 4 KiB gzip over the baseline",
      value: (page) => addedBytes(results, page, 'decided'),
      limit: () => DECIDED_BYTES_GOAL,
      show: (value) => (value === undefined ? 'n/a' : `${kib(value)} KiB`),
    },
  ];
  const byPage = (page) => [
    ...rows.map(({ goal, value, limit, show }) => {
      const own = value(page);
      const bound = limit();
      return { goal, measured: `${show(own)} (goal ${show(bound)})`, met: atMost(own, bound) };
    }),
    {
      goal: '0 renders of unrelated consumers, 1 commit per change',
      measured: page.renders?.renders
        ? `${round(page.renders.renders?.median, 0)} renders, ${round(page.renders.commits?.median, 0)} commit(s)`
        : 'n/a',
      met: page.renders?.renders ? page.renders.renders.median === 0 && page.renders.commits?.median === 1 : null,
    },
  ];
  return Object.fromEntries(oursOf(results).map((page) => [page.id, byPage(page)]));
}

/** The goals as a markdown table: goal, then measured and met for each page of ours. */
export function goalTable(results) {
  const pages = oursOf(results).filter((page) => results.goals[page.id]);
  if (pages.length === 0) return '';
  const met = (value) => (value === null ? 'n/a' : value ? 'yes' : 'no');
  return [
    `| goal | ${pages.map((page) => `${page.label}: measured | met?`).join(' | ')} |`,
    `|---|${pages.map(() => '---|---').join('|')}|`,
    ...results.goals[pages[0].id].map(
      (row, index) =>
        `| ${row.goal} | ${pages
          .map((page) => {
            const own = results.goals[page.id][index];
            return `${own.measured} | ${met(own.met)}`;
          })
          .join(' | ')} |`,
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
  const pages = Object.values(results.pages).filter((page) => !page.baseline);
  const over = (page, mode) => {
    const value = addedScript(results, page, mode);
    return value === undefined ? 'n/a' : round(value, 1);
  };
  const bytes = (page) => {
    const value = addedBytes(results, page, 'undecided');
    return value === undefined ? 'n/a' : kib(value);
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
  const machineLine = `Run on ${run.date.slice(0, 16).replace('T', ' ')} UTC: ${m.nproc} cores (${m.cpu}), ${m.chromium}, Node ${m.node}, load average at the end ${m.loadAverage}. Library packed from the ${run.librarySource}. ${run.loadsPerPage} cold loads per page and visitor, ${run.slowLoadsPerPage} more undecided at CPU ${run.cpuRate}x, shuffled; medians (min-max). The whole run took ${run.durationSeconds} s.`;
  replaceBlock(
    join(benchDir, 'README.md'),
    '<!-- results:start -->',
    '<!-- results:end -->',
    [
      machineLine,
      '',
      run.table,
      '',
      'Ratios of our pages to the peers, from the medians above (below 1: ours is smaller or sooner):',
      '',
      ratioTable(run),
      '',
      'Goals, from this run:',
      '',
      goalTable(run),
      '',
      lighthouseText,
    ].join('\n'),
  );
  replaceBlock(
    join(root, 'README.md'),
    '<!-- bench:start -->',
    '<!-- bench:end -->',
    [
      machineLine,
      '',
      summary(run),
      '',
      'Ratios of our pages to the peers (below 1: ours is smaller or sooner):',
      '',
      ratioTable(run),
      '',
      lighthouseText,
    ].join('\n'),
  );
}
