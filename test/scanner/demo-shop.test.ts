// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCAN_VIOLATION_COOKIE } from '../../examples/shop/src/scan-violation';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.mjs';
import type { ScanJson } from '../../src/scanner/scan-json';
import { runCli } from './support/run-cli';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'scan-demo-shop-'));

/** The demo shop's production build, as a visitor gets it, into `dir`; with `env` for the test-only flags. */
function buildShop(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'examples/shop/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production', ...env } },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

const shopBundle = (dir: string) =>
  readdirSync(join(dir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, 'assets', file), 'utf8'))
    .join('\n');

let shop: StaticServer;
let violating: StaticServer;
const shopDir = join(out, 'shop');
const violatingDir = join(out, 'shop-violation');
beforeAll(async () => {
  buildShop(shopDir);
  buildShop(violatingDir, { VITE_SCAN_VIOLATION: '1' });
  [shop, violating] = await Promise.all([
    serveStatic(shopDir, { spaFallback: true, consentLog: true }),
    serveStatic(violatingDir, { spaFallback: true, consentLog: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([shop?.close(), violating?.close()]);
});

describe('given the demo shop’s production build and its policy', () => {
  test('every page, in every language it links to, keeps the policy in every consent state', async () => {
    const json = join(out, 'shop.json');
    const run = await runCli([
      'scan',
      `${shop.url}/`,
      '--policy',
      'examples/shop-policy.ts',
      '--pages',
      '60',
      '--json',
      json,
    ]);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanJson;
    console.log(
      `demo shop: ${report.summary.pages} pages, ${report.summary.visits} visits in ${(report.durationMs / 1000).toFixed(1)} s (command ${run.seconds.toFixed(1)} s)`,
    );

    expect(report.findings, run.stdout).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.summary.errors).toBe(0);
    const paths = report.pages.map((page) => new URL(page.url).pathname);
    // Every language, each with its pages: the crawl follows the language links.
    for (const path of ['/', '/products', '/cart', '/cookies', '/contact']) {
      expect(paths).toContain(path);
      for (const language of ['en', 'sv'])
        expect(paths).toContain(path === '/' ? `/${language}` : `/${language}${path}`);
    }
    for (const prefix of ['/products/', '/en/products/', '/sv/products/']) {
      expect(paths.filter((path) => path.startsWith(prefix)).length, prefix).toBeGreaterThan(0);
    }
    // The states did differ: accepting loaded Google's tag (recorded, then aborted), rejecting did not.
    const home = report.pages[0]?.visits ?? [];
    const hosts = (state: string) =>
      home.find((visit) => visit.state === state)?.snapshots[0]?.requests.map((request) => request.host) ?? [];
    expect(hosts('accepted')).toContain('www.googletagmanager.com');
    expect(hosts('rejected')).toEqual([]);
    // Three languages of a dozen pages in seven states: several minutes on a small, busy CI machine.
  }, 900_000);

  test('an ordinary build holds nothing of the test-only violation', () => {
    expect(shopBundle(shopDir)).not.toContain(SCAN_VIOLATION_COOKIE);
    expect(shopBundle(violatingDir)).toContain(SCAN_VIOLATION_COOKIE);
  });

  test('built with VITE_SCAN_VIOLATION=1, the cart page sets a cookie the policy does not declare, and the scan fails', async () => {
    const json = join(out, 'violation.json');
    const run = await runCli([
      'scan',
      `${violating.url}/en/cart`,
      '--policy',
      'examples/shop-policy.ts',
      '--pages',
      '1',
      '--json',
      json,
    ]);

    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanJson;
    expect(new Set(report.findings.map((finding) => `${finding.kind} ${finding.item.name}`))).toEqual(
      new Set([`undeclared ${SCAN_VIOLATION_COOKIE}`]),
    );
    expect(report.summary.errors, run.stdout).toBe(0);
    expect(report.findings.map((finding) => finding.state)).toEqual([
      'undecided',
      'rejected',
      'accepted',
      'only-personalization',
      'only-analytics',
      'only-marketing',
    ]);
  });
});
