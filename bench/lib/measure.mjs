// The measured loads: each a cold visit in a fresh browser context, with a probe in the page that records
// when the banner shows, layout shifts, long tasks and clicks, and CDP metrics once the page has settled.
// `built` is what bench/lib/pages.mjs returned: the size and the sources of each file the page requests.

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

async function snapshot(tab, cdp, requested, { files, sources }) {
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

/**
 * A cold load of a visitor who has not decided: banner, metrics, then Accept all until analytics runs. With
 * `cpuRate`, the page's CPU is throttled that many times (CDP `Emulation.setCPUThrottlingRate`) from before
 * the navigation, and the load ends with the metrics: no click.
 */
export async function undecidedLoad(browser, origin, page, built, { cpuRate } = {}) {
  const { context, tab, cdp, requested } = await openPage(browser, origin, page);
  try {
    if (cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
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
    const result = await snapshot(tab, cdp, requested, built);
    if (page.baseline) return { result };
    if (result.analyticsMs !== null) throw new Error(`${page.id}: analytics ran before any consent`);
    if (cpuRate) return { result };
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
export async function decidedLoad(browser, origin, page, built, storageState) {
  const { context, tab, cdp, requested } = await openPage(browser, origin, page, { storageState });
  try {
    // A baseline runs the analytics script without asking: what analytics costs with no consent library.
    await tab.goto(`${origin}/${page.id}/${page.baseline ? '?analytics' : ''}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__bench?.analyticsAt !== undefined, null, { timeout: 15_000 });
    await settle(tab);
    const result = await snapshot(tab, cdp, requested, built);
    result.bannerShown = await tab.locator('button:visible', { hasText: /accept all/i }).count();
    return { result };
  } finally {
    await context.close();
  }
}

/**
 * CPU profile of one load, as the measured loads go: self time per output file and its top sources. Without
 * `storageState`, an undecided visitor until the banner shows; with it, a decided one until analytics runs.
 */
export async function profileLoad(browser, origin, page, { sources }, storageState) {
  const { context, tab, cdp } = await openPage(browser, origin, page, { storageState });
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (storageState) {
      await tab.goto(`${origin}/${page.id}/${page.baseline ? '?analytics' : ''}`, { waitUntil: 'load' });
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

/** Renders of a marketing-only consumer, and React commits, when the analytics category alone is granted. */
export async function renderLoad(browser, origin, page) {
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
