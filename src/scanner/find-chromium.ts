import { existsSync } from 'node:fs';
import { ScanError } from './scan-error';

/** Where Linux distributions and macOS put Chromium or Chrome, tried in this order after `CHROMIUM_PATH`. */
const COMMON_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * The same quiet, headless browser as the project's own browser scripts (`scripts/chromium.mjs`, kept equal
 * by a test): none of Chromium's own chores (updates, sync, background requests) adds requests to the ones
 * the scan records.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What `findChromium` needs of the environment; tests pass their own. */
export interface ChromiumLookup {
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  /** Playwright's own browser, when it has downloaded one: `chromium.executablePath()`. */
  playwrightPath?: () => string;
}

/**
 * The Chromium to scan with: `CHROMIUM_PATH` when set (and then only it: a path given on purpose that does not
 * exist is an error, not a reason to pick another browser), else a common install path, else Playwright's own.
 */
export function findChromium(lookup: ChromiumLookup = {}): string {
  const env = lookup.env ?? process.env;
  const exists = lookup.exists ?? existsSync;
  const given = env.CHROMIUM_PATH;
  if (given !== undefined && given !== '') {
    if (exists(given)) return given;
    throw new ScanError(`CHROMIUM_PATH is ${given}, and there is no browser there.`);
  }
  const found = COMMON_PATHS.find((path) => exists(path));
  if (found) return found;
  let playwright = '';
  try {
    playwright = lookup.playwrightPath?.() ?? '';
  } catch {
    // playwright-core throws when it has no browser of its own.
  }
  if (playwright !== '' && exists(playwright)) return playwright;
  throw new ScanError(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
