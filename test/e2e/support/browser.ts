import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { FAKE_GTAG_JS, PIXEL_GIF } from './fake-gtag';
import { FAKE_FBEVENTS_JS, FAKE_GTM_JS } from './fake-tags';

/**
 * A hostname that the tests' Chromium resolves to this machine, with its subdomains: under it cookies with
 * `Domain=.shop.example` work as on a real shop, which they cannot on 127.0.0.1.
 */
export const SHOP_HOST = 'shop.example';

/** Whether a request goes to the machine that serves the shop (by its address or by `SHOP_HOST`). */
const isLocal = (hostname: string) =>
  hostname === '127.0.0.1' || hostname === SHOP_HOST || hostname.endsWith(`.${SHOP_HOST}`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${SHOP_HOST} 127.0.0.1, MAP *.${SHOP_HOST} 127.0.0.1`],
  });
}

/**
 * One Chromium for the tests of the calling file (launched before them, closed after them), and a fresh
 * visitor in it for each call. A visitor closes when the test that opened it finishes, passed or failed.
 * Call it at the top of the file; call what it returns inside a test.
 */
export function visitorsForThisFile(): (options?: VisitorOptions) => Promise<Visitor> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options) => {
    if (!browser) throw new Error('Chromium is not running yet: open visitors inside a test.');
    const visitor = await openVisitor(browser, options);
    onTestFinished(() => visitor.close());
    return visitor;
  };
}

/** A Chromium with its own profile directory, for tests that need a persistent profile. */
export function launchPersistent(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'consent-e2e-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Hosts the policy names as tracking hosts, and any other host a pixel or tag might call. */
export const TRACKING_HOSTS = [
  'www.googletagmanager.com',
  'www.google-analytics.com',
  'region1.google-analytics.com',
  'pixel.adnetwork.example',
  'connect.facebook.net',
  'www.facebook.com',
];

/** Cookies that belong to tracking and must never exist without consent. */
export const TRACKING_COOKIE = /^(_ga|_ga_.*|_gid|_fbp|_fbc|_gcl_.*|ad_id)$/;

export interface RecordedRequest {
  url: string;
  host: string;
  method: string;
  /** Milliseconds since the visitor was created. */
  at: number;
}

export interface VisitorOptions {
  viewport?: { width: number; height: number };
  /** Sets `navigator.globalPrivacyControl = true`. */
  gpc?: boolean;
  /** Browser language; the shop's own language comes from its URL. */
  locale?: string;
  hasTouch?: boolean;
  isMobile?: boolean;
  deviceScaleFactor?: number;
  colorScheme?: 'light' | 'dark';
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave 127.0.0.1, in order. */
  external: RecordedRequest[];
  /** The recorded requests to tracking hosts. */
  tracking(): RecordedRequest[];
  cookieNames(): Promise<string[]>;
  /** localStorage and sessionStorage keys of the page's origin. */
  storageKeys(page?: Page): Promise<{ local: string[]; session: string[] }>;
  newTab(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A fresh visitor: an empty profile in which every request to another host is answered here and recorded
 * (a stand-in gtag.js for Google's tag, a 1x1 GIF for pixels, an empty answer for anything else).
 */
export async function openVisitor(browser: Browser, options: VisitorOptions = {}): Promise<Visitor> {
  const started = Date.now();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'fi-FI',
    hasTouch: options.hasTouch,
    isMobile: options.isMobile,
    deviceScaleFactor: options.deviceScaleFactor,
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'block',
  });
  if (options.gpc) {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    });
  }
  const external: RecordedRequest[] = [];
  await context.route(
    (url) => !isLocal(url.hostname),
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      external.push({ url: url.href, host: url.hostname, method: request.method(), at: Date.now() - started });
      if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_GTAG_JS });
      } else if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtm.js') {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_GTM_JS });
      } else if (url.hostname === 'connect.facebook.net' && url.pathname.endsWith('/fbevents.js')) {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_FBEVENTS_JS });
      } else if (url.pathname.endsWith('.js')) {
        // A marked-up tag of the shop's HTML: it says that it ran.
        await route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: 'window.__tagsRun = (window.__tagsRun || []).concat(document.currentScript.src);',
        });
      } else if (url.pathname.endsWith('.gif')) {
        await route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL_GIF });
      } else {
        await route.fulfill({ status: 204, body: '' });
      }
    },
  );
  const page = await context.newPage();
  return {
    context,
    page,
    external,
    tracking: () => external.filter((request) => TRACKING_HOSTS.includes(request.host)),
    cookieNames: async () => (await context.cookies()).map((cookie) => cookie.name),
    storageKeys: (target = page) =>
      target.evaluate(() => ({
        local: Object.keys(window.localStorage),
        session: Object.keys(window.sessionStorage),
      })),
    newTab: () => context.newPage(),
    close: () => context.close(),
  };
}
