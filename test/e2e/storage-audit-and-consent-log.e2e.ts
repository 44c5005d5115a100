import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { auditStorage, readConsentCookie, type StoredItem } from 'react-consent-policy/core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { PROOF_OF_CONSENT_FIELDS } from '../proof-of-consent';
import { TRACKING_COOKIE, visitorsForThisFile } from './support/browser';
import { banner, dialog, PRODUCT, settingsButton, settle, shopUrl, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

/** Every cookie, localStorage and sessionStorage item the page can see, with its raw value. */
function storedItems(page: Page): Promise<StoredItem[]> {
  return page.evaluate(() => {
    const items: { name: string; kind: 'cookie' | 'localStorage' | 'sessionStorage'; value: string }[] = [];
    for (const pair of document.cookie.split('; ').filter(Boolean)) {
      const at = pair.indexOf('=');
      items.push({ name: pair.slice(0, at), kind: 'cookie', value: pair.slice(at + 1) });
    }
    for (const kind of ['localStorage', 'sessionStorage'] as const) {
      for (const name of Object.keys(window[kind])) items.push({ name, kind, value: window[kind].getItem(name) ?? '' });
    }
    return items;
  });
}

/** The audit of what the page holds against the shop's policy and the visitor's stored consent. */
async function audit(page: Page) {
  const items = await storedItems(page);
  const consent = items.find((item) => item.kind === 'cookie' && item.name === shopPolicy.cookie.name);
  const snapshot = readConsentCookie(shopPolicy, consent ? `${consent.name}=${consent.value}` : '');
  return auditStorage(shopPolicy, snapshot, { items });
}

const describeItems = (items: readonly { kind: string; name: string }[]) =>
  items.map((item) => `${item.kind}:${item.name}`);

const OPTIONAL = new Set<string>(
  shopPolicy.categories.filter((category) => !category.required).map((category) => category.name),
);

describe('given the demo shop and a visitor who accepts all', () => {
  test('after browsing every page in both languages the audit finds nothing undeclared or over-lived; after Reject all nothing optional remains (A2, D15)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl('fi'));
    await banner(page, 'fi').getByRole('button', { name: WORDS.fi.acceptAll, exact: true }).click();
    for (const language of ['fi', 'en'] as const) {
      for (const path of ['/', '/products', `/products/${PRODUCT.id}`, '/cart', '/cookies']) {
        await page.goto(shopUrl(language, path));
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        if (path.startsWith('/products/')) {
          await page.getByRole('button', { name: WORDS[language].addToCart }).click();
        }
      }
    }
    await expect.poll(async () => (await visitor.cookieNames()).includes('_ga')).toBe(true);
    await settle(page, 600);

    const accepted = await audit(page);
    expect(describeItems(accepted.undeclared), 'undeclared').toEqual([]);
    expect(describeItems(accepted.overLived), 'longer-lived than declared').toEqual([]);
    expect(describeItems(accepted.notGranted), 'not granted').toEqual([]);
    // The audit saw the shop's real storage: Google's cookies, the cart and the recently viewed list.
    expect(describeItems(accepted.declared)).toEqual(
      expect.arrayContaining([
        'cookie:_ga',
        'cookie:cookie_consent',
        'localStorage:cart',
        'localStorage:recently_viewed',
      ]),
    );
    // Values written through the policy storage carry an expiry within the declared lifetime.
    const cart = accepted.declared.find((item) => item.name === 'cart');
    expect(cart?.expiresAt).toBeGreaterThan(Date.now());
    expect(cart?.expiresAt).toBeLessThanOrEqual(Date.now() + (cart?.declared?.lifetime ?? 0));

    await settingsButton(page, 'en').click();
    const preferences = dialog(page);
    await preferences.getByRole('button', { name: WORDS.en.rejectAll, exact: true }).click();
    await expect.poll(() => preferences.count()).toBe(0);

    await expect
      .poll(async () =>
        describeItems((await audit(page)).declared.filter((item) => OPTIONAL.has(item.declared?.category ?? ''))),
      )
      .toEqual([]);
    const rejected = await audit(page);
    expect(describeItems(rejected.undeclared)).toEqual([]);
    expect(rejected.clean).toBe(true);
    expect((await visitor.cookieNames()).filter((name) => TRACKING_COOKIE.test(name))).toEqual([]);
    // The cart is necessary: it stays.
    expect(describeItems(rejected.declared)).toContain('localStorage:cart');

    // On the next page load the stored refusal is sent to Google again, and nothing optional comes back.
    await page.goto(shopUrl('en', `/products/${PRODUCT.id}`));
    await settle(page, 600);
    expect(
      describeItems((await audit(page)).declared.filter((item) => OPTIONAL.has(item.declared?.category ?? ''))),
    ).toEqual([]);
  });
});

/** The dataLayer as arrays, each marked with whether it was an arguments object, and gtag.js's position in the DOM. */
function dataLayer(page: Page) {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) => ({
      isArguments: Object.prototype.toString.call(entry) === '[object Arguments]',
      args: Array.from(entry as ArrayLike<unknown>).map((arg) => (arg instanceof Date ? 'date' : arg)),
    })),
  );
}

const gtagScripts = (page: Page) =>
  page.evaluate(() =>
    [...document.scripts].filter((script) => script.src.includes('/gtag/js')).map((script) => script.src),
  );

describe('given the demo shop and Google Consent Mode', () => {
  test('the denied default comes first, gtag.js only after Accept all, and the stored state is re-sent on the next page load (F20-F23)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl('en', `/products/${PRODUCT.id}`));
    await settle(page);
    const before = await dataLayer(page);
    expect(before.every((entry) => entry.isArguments)).toBe(true);
    expect(before[0]?.args.slice(0, 2)).toEqual(['consent', 'default']);
    expect(before[0]?.args[2]).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
    expect(await gtagScripts(page)).toEqual([]);
    expect(visitor.tracking()).toEqual([]);

    await banner(page, 'en').getByRole('button', { name: WORDS.en.acceptAll, exact: true }).click();
    await expect.poll(() => gtagScripts(page)).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-DEMO12345']);
    const after = (await dataLayer(page)).map((entry) => entry.args);
    const commands = after.map(([command, kind]) => (command === 'consent' ? `consent ${kind}` : command));
    expect(commands.indexOf('consent default')).toBe(0);
    expect(commands.indexOf('consent update')).toBeLessThan(commands.indexOf('config'));
    expect(after.find(([command]) => command === 'config')?.[2]).toMatchObject({
      allow_google_signals: true,
      allow_ad_personalization_signals: true,
    });

    await page.reload();
    await expect.poll(() => gtagScripts(page)).toHaveLength(1);
    const reloaded = (await dataLayer(page)).map((entry) => entry.args);
    // Nothing but the redaction setting comes between the default and the stored state.
    expect(reloaded.slice(0, 3).map(([command, kind]) => `${command} ${kind}`)).toEqual([
      'consent default',
      'set ads_data_redaction',
      'consent update',
    ]);
    expect(reloaded[2]?.[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' });
  });
});

/** A page that records decisions with the consent logger; its queue key is declared as a necessary item. */
const LOG_PAGE_SCRIPT = `
import { createConsentLogger, createConsentStore, definePolicy, sha256Hex } from './src/core/index.ts';
const policy = definePolicy({
  revision: 3,
  categories: {
    necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
    analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  },
  services: {
    consent: { category: 'necessary', storage: [
      { name: 'cookie_consent', kind: 'cookie', lifetime: '12mo' },
      { name: 'consent_log_queue', kind: 'localStorage', lifetime: '30d' },
    ] },
  },
});
const store = createConsentStore(policy, { onDecision: createConsentLogger({ endpoint: '/consent-log' }) });
const text = document.querySelector('main').textContent;
sha256Hex(text).then((textHash) => {
  store.setRecordContext({ language: 'en', textHash });
  document.querySelector('button').disabled = false;
});
document.querySelector('button').addEventListener('click', () => store.acceptAll());
`;

const LOG_PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consent log</title></head>
<body><main><p>We use cookies for analytics.</p></main><button type="button" disabled>Accept all</button>
<script type="module" src="/page.js"></script></body></html>`;

interface LogServer {
  url: string;
  /** While false, the log endpoint drops every connection, like a server that is down. */
  up: boolean;
  received: { body: unknown; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function startLogServer(): Promise<LogServer> {
  const bundled = await build({
    stdin: { contents: LOG_PAGE_SCRIPT, resolveDir: fileURLToPath(new URL('../..', import.meta.url)), loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  const state: LogServer = { url: '', up: false, received: [], close: async () => {} };
  const server: Server = createServer((request, response) => {
    if (request.url === '/consent-log' && request.method === 'POST') {
      if (!state.up) {
        request.socket.destroy();
        return;
      }
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        state.received.push({ body: JSON.parse(body), headers: request.headers });
        response.writeHead(204).end();
      });
      return;
    }
    const isScript = request.url === '/page.js';
    response.writeHead(200, {
      'content-type': isScript ? 'text/javascript' : 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(isScript ? script : LOG_PAGE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

describe('given a consent log server that is down when the visitor decides', () => {
  test('the record waits in the queue and arrives exactly once when the server is up on the next page load (E19)', async () => {
    const server = await startLogServer();
    onTestFinished(() => server.close());
    const visitor = await newVisitor();
    const { page } = visitor;
    // The queue is stored with its expiry, as the policy storage writes values: `{ rcp, t, e, v: { queue } }`.
    const queued = () =>
      page.evaluate(() => JSON.parse(localStorage.getItem('consent_log_queue') ?? '{}').v?.queue.length ?? 0);
    await page.goto(server.url);
    // The log page's own button (LOG_PAGE_HTML), not the consent UI's.
    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(queued).toBe(1);
    await settle(page, 300);
    expect(server.received).toEqual([]);

    server.up = true;
    await page.reload();
    await expect.poll(() => server.received.length).toBe(1);
    await expect.poll(queued).toBe(0);
    await page.reload();
    await settle(page, 800);
    expect(server.received).toHaveLength(1);

    const [{ body, headers }] = server.received as [{ body: Record<string, unknown>; headers: IncomingHttpHeaders }];
    expect(Object.keys(body).sort()).toEqual([...PROOF_OF_CONSENT_FIELDS]);
    expect(body).toMatchObject({
      action: 'accept-all',
      revision: 3,
      language: 'en',
      choices: { necessary: true, analytics: true },
      signals: { gpc: false, dnt: false },
    });
    expect(body.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(headers['content-type']).toBe('application/json');
    // The page holds the consent cookie, yet the log request carries no cookie and no referrer.
    expect(await visitor.cookieNames()).toContain('cookie_consent');
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
  });
});

describe('given a browser whose localStorage is full when the visitor decides', () => {
  test('the record still reaches the consent log, once (E19)', async () => {
    const server = await startLogServer();
    onTestFinished(() => server.close());
    server.up = true;
    const { page } = await newVisitor();
    await page.goto(server.url);
    // Fill the origin's quota, from large items down to single characters, until nothing more fits.
    const full = await page.evaluate(() => {
      let index = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        try {
          for (;;) localStorage.setItem(`filler-${index++}`, 'x'.repeat(size));
        } catch {
          // This size no longer fits: try a smaller one.
        }
      }
      try {
        localStorage.setItem('probe', 'x'.repeat(2_000));
        return false;
      } catch {
        return true;
      }
    });
    expect(full).toBe(true);

    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => server.received.length).toBe(1);
    await settle(page, 500);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.body).toMatchObject({ action: 'accept-all', revision: 3, language: 'en' });
    expect(await page.evaluate(() => localStorage.getItem('consent_log_queue'))).toBeNull();
  });
});
