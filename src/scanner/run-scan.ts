import { CHROMIUM_ARGS, findChromium } from './find-chromium';
import { type LoadedPolicy, loadPolicy } from './load-policy';
import { ScanError } from './scan-error';
import { type ScanOptions, type ScanResult, scanSite, startUrl } from './scan-site';

/** What `runScan` needs: the site, the policy file, and the scan's own options. */
export interface RunScanOptions extends Omit<ScanOptions, 'policy'> {
  policyFile: string;
  exportName?: string;
  /** More Chromium flags (tests map a host name to this machine with --host-resolver-rules). */
  browserArgs?: readonly string[];
}

/** The playwright-core module, an optional peer dependency: only the scanner needs it. */
async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new ScanError('The scan drives Chromium through playwright-core: npm install --save-dev playwright-core.');
  }
}

/**
 * Loads the policy, finds and starts Chromium, scans the site and closes the browser, whatever happens. Throws a
 * ScanError when the scan cannot run (a bad address, an unreachable site, no browser, a bad policy file).
 */
export async function runScan(options: RunScanOptions): Promise<{ result: ScanResult; loaded: LoadedPolicy }> {
  startUrl(options.url);
  const loaded = await loadPolicy(options.policyFile, { exportName: options.exportName });
  const { chromium } = await loadPlaywright();
  const executablePath = findChromium({ playwrightPath: () => chromium.executablePath() });
  const browser = await chromium
    .launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...(options.browserArgs ?? [])] })
    .catch((error: Error) => {
      throw new ScanError(`Chromium at ${executablePath} did not start: ${error.message.split('\n')[0]}`);
    });
  try {
    const result = await scanSite(browser, { ...options, policy: loaded.policy });
    return { result, loaded };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
