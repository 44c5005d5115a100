// Lighthouse on the demo shop's production build: the scores and metrics a visitor's first load gets,
// banner open.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { fromBench, fromRoot, root } from './pages.mjs';
import { stats } from './stats.mjs';

/**
 * Lighthouse (performance, accessibility, best practices; its default mobile settings) `runs` times on the
 * demo shop's production build served from 127.0.0.1, in a fresh profile, so that the banner is open.
 * With `buildShop`, builds the shop first. Returns the medians, or why it was skipped.
 */
export async function lighthouseOnShop({ runs: count, buildShop }) {
  const shopDist = join(root, 'examples/shop/dist');
  if (buildShop) execSync('npm run build:shop', { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(shopDist, 'index.html'))) {
    console.log(
      '\nLighthouse: skipped, the demo shop is not built (run `npm run build:shop` to write examples/shop/dist).',
    );
    return { skipped: 'examples/shop/dist/index.html is missing; run npm run build:shop' };
  }
  const { default: lighthouse } = await import(fromBench.resolve('lighthouse'));
  const chromeLauncher = await import(fromBench.resolve('chrome-launcher'));
  // As the shop's static host, with no cache header of the tools' own: Lighthouse audits the headers too.
  const server = await serveStatic(shopDist, { spaFallback: true, noStore: false });
  const url = `${server.url}/`;
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
    for (let index = 0; index < count; index += 1) {
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
    await server.close();
  }
}

/** Whether a new visitor sees the shop's banner (an "Accept all" button, in either language). */
async function shopShowsBanner(url) {
  const { chromium } = fromRoot('playwright-core');
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
