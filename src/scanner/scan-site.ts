import type { Browser, Page } from 'playwright-core';
import type { Policy } from '../core/policy';
import { startBlackHole } from './black-hole-proxy';
import { type ConsentState, consentStates } from './consent-states';
import { type Finding, findViolations } from './findings';
import type { ObservedRequest, Visit } from './observations';
import { ScanError } from './scan-error';
import { pageUrl } from './site-urls';
import { parseSitemap } from './sitemap';
import { createTaskPool } from './task-pool';
import { consentCookie, openContext, type VisitTiming, visitPage } from './visit-page';

export interface ScanOptions {
  /** The address the crawl starts from. */
  url: string;
  policy: Policy;
  /** The most pages to visit. Default 20. */
  pages?: number;
  /** Browser contexts open at once. Default 4. */
  concurrency?: number;
  timing?: Partial<VisitTiming>;
  /** Hears each visit as it ends. */
  onProgress?: (progress: { done: number; total: number; pages: number }) => void;
}

/** One scanned page: its visits, one per consent state. */
export interface ScannedPage {
  readonly url: string;
  readonly visits: readonly Visit[];
}

export interface ScanResult {
  readonly url: string;
  readonly origin: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly states: readonly ConsentState[];
  readonly pages: readonly ScannedPage[];
  readonly findings: readonly Finding[];
  /** Whether the site has a sitemap.xml the crawl read. */
  readonly sitemap: boolean;
}

const DEFAULT_TIMING: VisitTiming = { loadTimeout: 20_000, settle: 500 };

/** The most sitemap files read (an index and the sitemaps it lists). */
const MOST_SITEMAPS = 5;

/** The scanned address, checked: an http(s) URL with a host. */
export function startUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ScanError(`"${input}" is not an address: give the full URL, such as https://shop.example/.`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new ScanError(`"${input}" is not an http or https address.`);
  }
  url.hash = '';
  return url;
}

/** The most of a sitemap file read: enough for thousands of addresses, far more than a scan visits. */
const LONGEST_SITEMAP = 5_000_000;

/**
 * A sitemap's text, fetched by the start page itself (same origin, the browser's own network, whatever type the
 * server gives it: a navigation would download an XML file served as a download); '' when there is none.
 */
async function readSitemap(page: Page, address: string): Promise<string> {
  const read = page
    .evaluate(
      async ({ address, longest }) => {
        const response = await fetch(address, { credentials: 'omit', redirect: 'follow' });
        if (!response.ok || !response.body || new URL(response.url).origin !== location.origin) return '';
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        while (text.length < longest) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        void reader.cancel().catch(() => undefined);
        return text.slice(0, longest);
      },
      { address, longest: LONGEST_SITEMAP },
    )
    .catch(() => '');
  const timeout = new Promise<string>((done) => setTimeout(() => done(''), 15_000).unref());
  return Promise.race([read, timeout]);
}

/**
 * Before any visit: the start page loads, the consent cookie the policy defines reaches it (a policy whose cookie
 * Domain is another site's could never set a state here), and the sitemap's pages, if there is a sitemap.xml.
 */
async function prepare(browser: Browser, policy: Policy, start: URL, proxy: string, timeout: number) {
  const requests: ObservedRequest[] = [];
  const context = await openContext(browser, start.origin, proxy, requests);
  try {
    const page = await context.newPage();
    try {
      await page.goto(start.href, { waitUntil: 'domcontentloaded', timeout });
    } catch (error) {
      const leaving = requests.find((request) => request.navigation);
      throw new ScanError(
        leaving
          ? `${start.href} sends the visitor to another host (${leaving.host}): start the scan at an address of the site itself.`
          : `${start.href} could not be loaded: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const decided = consentStates(policy).find((state) => state.choices !== null);
    const cookie = decided ? consentCookie(policy, decided, start.origin, Date.now()) : null;
    if (cookie) {
      const scope = new URL(policy.cookie.path, start.origin).href;
      const added = await context.addCookies([cookie]).then(
        async () => (await context.cookies(scope)).some((seen) => seen.name === cookie.name),
        () => false,
      );
      if (!added) {
        throw new ScanError(
          `The consent cookie the policy defines (${policy.cookie.name}${policy.cookie.domain ? `, Domain ${policy.cookie.domain}` : ''}${policy.cookie.secure ? ', Secure' : ''}) cannot be set for ${start.origin}: scan the site at the address the policy is written for.`,
        );
      }
    }
    const found: string[] = [];
    let sitemap = false;
    const files = [new URL('/sitemap.xml', start.origin).href];
    for (let index = 0; index < files.length && index < MOST_SITEMAPS; index++) {
      const parsed = parseSitemap(await readSitemap(page, files[index] as string));
      if (parsed.pages.length > 0 || parsed.sitemaps.length > 0) sitemap = true;
      for (const file of parsed.sitemaps) {
        const address = pageUrl(file, start.origin);
        if (address && !files.includes(address)) files.push(address);
      }
      found.push(...parsed.pages);
    }
    return { sitemapPages: found, sitemap };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Scans a site against its policy: crawls from `url` (its links, and its sitemap.xml) up to `pages` pages, visits
 * each page in every consent state in a fresh browser context, and compares what was stored and sent with the
 * policy. The pages are the start page, then the sitemap's, then the links found, breadth first, in that order
 * whatever order the visits finish in. Throws a ScanError when the site cannot be scanned at all.
 */
export async function scanSite(browser: Browser, options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const start = startUrl(options.url);
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const blackHole = await startBlackHole();
  try {
    return await crawl(browser, options, start, timing, blackHole.server, started);
  } finally {
    await blackHole.close();
  }
}

async function crawl(
  browser: Browser,
  options: ScanOptions,
  start: URL,
  timing: VisitTiming,
  proxy: string,
  started: number,
): Promise<ScanResult> {
  const { policy } = options;
  const limit = Math.max(1, Math.floor(options.pages ?? 20));
  const states = consentStates(policy);
  const visited = states.filter((state) => state.id !== 'undecided-scrolled');
  const { sitemapPages, sitemap } = await prepare(browser, policy, start, proxy, timing.loadTimeout);

  const pages: string[] = [];
  const visits = new Map<string, Visit[]>();
  const linksOf: Promise<readonly string[]>[] = [];
  const pool = createTaskPool(Math.max(1, Math.floor(options.concurrency ?? 4)));
  let done = 0;
  const progress = () => options.onProgress?.({ done, total: pages.length * visited.length, pages: pages.length });

  const run = (page: string, state: ConsentState) =>
    visitPage(browser, { policy, origin: start.origin, proxy, page, state, timing }).then((visit) => {
      visits.get(page)?.push(visit);
      done++;
      progress();
      return visit;
    });

  const addPage = (page: string) => {
    pages.push(page);
    visits.set(page, []);
    // The undecided visit reads the links that grow the crawl: it goes first.
    linksOf.push(
      new Promise((resolve) => {
        pool.add(async () => {
          const visit = await run(page, visited[0] as ConsentState).catch(() => null);
          resolve(visit?.links ?? []);
        }, true);
      }),
    );
    for (const state of visited.slice(1)) pool.add(async () => void (await run(page, state)));
    progress();
  };

  const seen = new Set<string>();
  const consider = (href: string, base?: string) => {
    const page = pageUrl(href, start.origin, base);
    if (page === null || seen.has(page) || pages.length >= limit) return;
    seen.add(page);
    addPage(page);
  };
  consider(start.href);
  for (const page of sitemapPages) consider(page);
  // Breadth first, in page order: page i's links are added once pages before it have added theirs.
  for (let index = 0; index < linksOf.length && pages.length < limit; index++) {
    for (const link of await (linksOf[index] as Promise<readonly string[]>)) consider(link, pages[index]);
  }
  await pool.idle();

  const order = new Map(visited.map((state, index) => [state.id, index]));
  const scanned: ScannedPage[] = pages.map((url) => ({
    url,
    visits: [...(visits.get(url) ?? [])].sort((a, b) => (order.get(a.state) ?? 0) - (order.get(b.state) ?? 0)),
  }));
  const findings = findViolations(
    policy,
    states,
    scanned.map((page) => ({ page: page.url, snapshots: page.visits.flatMap((visit) => visit.snapshots) })),
  );
  return {
    url: start.href,
    origin: start.origin,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    states,
    pages: scanned,
    findings,
    sitemap,
  };
}
