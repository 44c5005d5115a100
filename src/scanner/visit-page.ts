import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { Policy } from '../core/policy';
import { type ConsentState, consentCookieFor } from './consent-states';
import type { ObservedItem, ObservedRequest, Snapshot, Visit } from './observations';
import { isFirstParty, normalHost } from './site-urls';

/** How a visit waits and how long it may take. */
export interface VisitTiming {
  /** The most a page may take to load, ms. */
  loadTimeout: number;
  /** How long a page is left to do what it does on its own once loaded (timers, late tags), ms. */
  settle: number;
}

/** The most of anything one visit records: a page that sets or sends without end is not read without end. */
const MOST = 2000;

/** A promise that gives up after `ms`, resolving to `fallback`. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((done) => {
      timer = setTimeout(() => done(fallback), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The consent cookie for a decided state, as the browser is given it: the attributes the policy declares. */
export function consentCookie(policy: Policy, state: ConsentState, origin: string, now: number) {
  const value = consentCookieFor(policy, state, now);
  if (value === null) return null;
  const url = new URL(origin);
  return {
    name: policy.cookie.name,
    value,
    // A Domain attribute makes a domain cookie (the leading dot); without one the cookie is the host's alone.
    domain: policy.cookie.domain ? `.${normalHost(policy.cookie.domain)}` : url.hostname,
    path: policy.cookie.path,
    expires: Math.floor((now + policy.consentMaxAge) / 1000),
    sameSite: policy.cookie.sameSite,
    secure: policy.cookie.secure ?? url.protocol === 'https:',
  };
}

/**
 * Opens a fresh visitor in which every request to another origin is recorded and aborted. Everything but the scanned
 * host also goes through `proxy`, a black hole (`startBlackHole`): the redirects Playwright does not route end there.
 */
export async function openContext(browser: Browser, origin: string, proxy: string, requests: ObservedRequest[]) {
  const site = new URL(origin).hostname;
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: false,
    viewport: { width: 1280, height: 800 },
    proxy: { server: proxy, bypass: site },
  });
  const record = (url: URL, method: string, type: string, navigation: boolean) => {
    if (requests.length >= MOST) return;
    requests.push({
      url: url.href.slice(0, 500),
      host: normalHost(url.hostname),
      method,
      type,
      party: isFirstParty(url.hostname, site) ? 'first' : 'third',
      navigation,
    });
  };
  // The site's own WebSocket (a development server's live reload) is the site, not another host.
  const own = new Set([origin, origin.replace(/^http/, 'ws')]);
  const elsewhere = (url: URL) => !own.has(url.origin);
  await context.route(elsewhere, async (route) => {
    const request = route.request();
    record(new URL(request.url()), request.method(), request.resourceType(), isTopNavigation(request));
    await route.abort('blockedbyclient').catch(() => undefined);
  });
  // Playwright routes only the first address of a redirect: a hop elsewhere is recorded here (the proxy stops it).
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (request.redirectedFrom() && elsewhere(url)) {
      record(url, request.method(), request.resourceType(), isTopNavigation(request));
    }
  });
  await context.routeWebSocket(elsewhere, (socket) => {
    // Never connected: the socket stays a local stand-in that the page cannot send through.
    record(new URL(socket.url()), 'GET', 'websocket', false);
    socket.close();
  });
  // A window the page opens is closed: the scan watches the page it visits (its requests were still recorded).
  context.on('page', (opened) => {
    void within(opened.opener(), 1000, null).then((opener) => {
      if (opener) void opened.close().catch(() => undefined);
    });
  });
  return context;
}

function isTopNavigation(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    // A request of a worker has no frame.
    return false;
  }
}

/** Reads what the browser holds now: every cookie of the context, and the page's own Web Storage and IndexedDB. */
async function readStorage(context: BrowserContext, page: Page, site: string): Promise<ObservedItem[]> {
  const seenAt = Date.now();
  const items: ObservedItem[] = [];
  for (const cookie of (await within(context.cookies(), 5000, [])).slice(0, MOST)) {
    items.push({
      kind: 'cookie',
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      expires: cookie.expires > 0 ? Math.round(cookie.expires * 1000) : null,
      party: isFirstParty(cookie.domain, site) ? 'first' : 'third',
      seenAt,
    });
  }
  const web = await within(
    page.evaluate(async (most) => {
      const keys = (area: () => Storage) => {
        try {
          return Object.keys(area()).slice(0, most);
        } catch {
          return [];
        }
      };
      let databases: string[] = [];
      try {
        const listed = await Promise.race([
          indexedDB.databases(),
          new Promise<IDBDatabaseInfo[]>((done) => setTimeout(() => done([]), 1000)),
        ]);
        databases = listed.map((database) => String(database.name)).slice(0, most);
      } catch {
        // IndexedDB refused (an opaque origin): nothing stored there.
      }
      return {
        localStorage: keys(() => window.localStorage),
        sessionStorage: keys(() => window.sessionStorage),
        indexedDB: databases,
      };
    }, MOST),
    5000,
    null,
  );
  if (web) {
    for (const kind of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
      for (const name of web[kind]) items.push({ kind, name: String(name), party: 'first', seenAt });
    }
  }
  return items;
}

/** Scrolls to the bottom of the page step by step, as a reader would, so that what loads on scrolling loads. */
async function scrollToBottom(page: Page): Promise<void> {
  await within(
    page.evaluate(async () => {
      for (let step = 0; step < 40; step++) {
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight);
        await new Promise((done) => setTimeout(done, 60));
        if (window.scrollY === before) break;
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
    }),
    5000,
    undefined,
  );
}

/** Counts the context's requests in flight, so that a visit can wait until the page has stopped loading. */
function trackRequests(context: BrowserContext): () => number {
  let inFlight = 0;
  context.on('request', () => inFlight++);
  context.on('requestfinished', () => inFlight--);
  context.on('requestfailed', () => inFlight--);
  return () => inFlight;
}

/**
 * Waits until no request has been in flight for 150 ms (3 s at most: a page that polls never goes quiet), then
 * `timing.settle` more for what the page does on its own (timers, late tags). Playwright's 'networkidle' waits
 * 500 ms of quiet, a third of a visit's time on a small site.
 */
async function settle(page: Page, inFlight: () => number, timing: VisitTiming): Promise<void> {
  // Twice: what the page ran once its network went quiet (a single-page app's effects) may fetch more.
  for (let round = 0; round < 2; round++) {
    const until = Date.now() + 3000;
    let quietSince = Date.now();
    while (Date.now() < until) {
      if (inFlight() > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 150) break;
      await new Promise((done) => setTimeout(done, 25));
    }
    // On a busy machine a page still runs its scripts long after its last response: wait until its main thread idles.
    await within(
      page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 3000 }))),
      3500,
      undefined,
    );
  }
  await page.waitForTimeout(timing.settle).catch(() => undefined);
}

/** The page's links (the crawl keeps those of the site). */
async function readLinks(page: Page): Promise<string[]> {
  return within(
    page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href], area[href]'), (link) => (link as HTMLAnchorElement).href).slice(
        0,
        1000,
      ),
    ),
    5000,
    [],
  );
}

/**
 * Visits one page in one consent state in a fresh browser context: sets the state by writing the consent cookie,
 * loads the page, lets it settle, and records what it stored and every request it tried to make elsewhere. The
 * undecided visit also scrolls to the bottom and records again, and reads the page's links. Never throws: what
 * went wrong is the visit's `error`.
 */
export async function visitPage(
  browser: Browser,
  options: { policy: Policy; origin: string; proxy: string; page: string; state: ConsentState; timing: VisitTiming },
): Promise<Visit> {
  const { policy, origin, proxy, page: address, state, timing } = options;
  const started = Date.now();
  const site = new URL(origin).hostname;
  const requests: ObservedRequest[] = [];
  let context: BrowserContext | undefined;
  const snapshots: Snapshot[] = [];
  let status: number | null = null;
  let finalUrl: string | null = null;
  let error: string | null = null;
  let links: string[] = [];
  const work = async () => {
    context = await openContext(browser, origin, proxy, requests);
    const inFlight = trackRequests(context);
    const cookie = consentCookie(policy, state, origin, Date.now());
    if (cookie) await context.addCookies([cookie]);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    try {
      const response = await page.goto(address, { waitUntil: 'load', timeout: timing.loadTimeout });
      status = response?.status() ?? null;
    } catch (failure) {
      // A page that left the site was aborted on its way out: that is where the visit ends, not an error.
      if (requests.some((request) => request.navigation)) return;
      error = (failure as Error).message.split('\n')[0] ?? 'the page did not load';
      return;
    }
    await settle(page, inFlight, timing);
    finalUrl = page.url();
    snapshots.push({ state: state.id, storage: await readStorage(context, page, site), requests: [...requests] });
    if (state.choices === null) {
      links = await readLinks(page);
      await scrollToBottom(page);
      await settle(page, inFlight, timing);
      snapshots.push({
        state: 'undecided-scrolled',
        storage: await readStorage(context, page, site),
        requests: [...requests],
      });
    }
  };
  // A page that keeps its main thread busy forever would hold the visit: it gets three load times at most.
  const finished = await within(
    work().then(
      () => true,
      (failure: unknown) => {
        error = (failure as Error).message?.split('\n')[0] ?? String(failure);
        return true;
      },
    ),
    timing.loadTimeout * 3 + timing.settle * 2,
    false,
  );
  if (!finished && error === null) error = 'the page did not finish within the time a visit may take';
  if (context) await within(context.close(), 5000, undefined);
  const leaving = requests.find((request) => request.navigation);
  return {
    page: address,
    state: state.id,
    snapshots,
    status,
    finalUrl,
    leftTo: leaving && snapshots.length === 0 ? leaving.host : null,
    error,
    links,
    durationMs: Date.now() - started,
  };
}
