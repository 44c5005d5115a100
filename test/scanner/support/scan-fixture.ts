import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../src/scanner/find-chromium';
import { loadPolicy } from '../../../src/scanner/load-policy';
import { type ScanResult, scanSite } from '../../../src/scanner/scan-site';
import { FIXTURES, type Handler, serveFixture } from './fixture-server';

/** Fast enough for pages that do everything at once; the scan's defaults are for real shops. */
export const FIXTURE_TIMING = { loadTimeout: 5000, settle: 150 };

/** More flags for the browser: `*.scan.example` is this machine, so cookies can be set on a parent domain. */
export const SCAN_EXAMPLE_ARGS = ['--host-resolver-rules=MAP scan.example 127.0.0.1, MAP *.scan.example 127.0.0.1'];

/**
 * One Chromium for the calling file, and a function that scans a fixture site with its own policy module.
 * Call it at the top of the file.
 */
export function fixtureScannerForThisFile() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, ...SCAN_EXAMPLE_ARGS],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (
    site: string,
    options: { pages?: number; handle?: Handler; host?: string; timing?: Partial<typeof FIXTURE_TIMING> } = {},
  ): Promise<ScanResult> => {
    if (!browser) throw new Error('Chromium is not running yet: scan inside a test.');
    const { policy } = await loadPolicy(`${FIXTURES}${site}/policy.ts`);
    const server = await serveFixture(site, options.handle);
    try {
      const url = options.host ? `http://${options.host}:${server.port}/` : `${server.url}/`;
      return await scanSite(browser, {
        url,
        policy,
        pages: options.pages ?? 10,
        concurrency: 4,
        timing: { ...FIXTURE_TIMING, ...options.timing },
      });
    } finally {
      await server.close();
    }
  };
}

/** The kinds of findings of a scan, each once. */
export const kindsOf = (result: ScanResult) => [...new Set(result.findings.map((finding) => finding.kind))].sort();

/** A page's path on the scanned site. */
export const pathOf = (url: string) => new URL(url).pathname;
