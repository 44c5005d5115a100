import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.mjs';
import { type ConsentLog, createConsentLog, nodeListener } from '../../src/server/index';
import { SHOP_DIST } from './global-setup';
import { visitorsForThisFile } from './support/browser';
import { banner, clickOnPage, consentCookie, dialog, hideConfirmation, settingsButton, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();

/**
 * The demo shop's production build served with the real consent log mounted at its endpoint, on the
 * embedded PostgreSQL (PGlite) in a directory of its own; `down` makes the endpoint fail as a log that is
 * down does, with nothing stored.
 */
let log: ConsentLog;
let shop: StaticServer;
let dataDir: string;
let down = false;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consent-log-e2e-'));
  log = await createConsentLog({ policy: shopPolicy, dataDir });
  const listener = nodeListener((request) => log.handler(request));
  shop = await serveStatic(SHOP_DIST, {
    spaFallback: true,
    consentLog: (request: IncomingMessage, response: ServerResponse) => {
      if (!down) return listener(request, response);
      request.resume();
      response.writeHead(503, { 'retry-after': '1' }).end();
    },
  });
}, 60_000);

afterAll(async () => {
  await shop?.close();
  await log?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const idOf = (cookie: string | null) => (cookie as string).split('.')[1] as string;

describe('the demo shop with the consent log of react-consent-policy/server', () => {
  test('each decision a visitor makes in Chromium is stored once, with the policy text’s hash, and the chain verifies', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(`${shop.url}/en`);
    await banner(page, 'en').getByRole('button', { name: WORDS.en.acceptAll, exact: true }).click();
    await expect.poll(() => consentCookie(page)).not.toBeNull();
    const id = idOf(await consentCookie(page));
    await expect.poll(async () => (await log.find(id)).length).toBe(1);

    await hideConfirmation(page, 'en');
    await clickOnPage(settingsButton(page, 'en'));
    await dialog(page).getByRole('button', { name: WORDS.en.rejectAll, exact: true }).click();
    await expect.poll(async () => (await log.find(id)).length).toBe(2);

    const stored = await log.find(id);
    expect(stored.map((row) => row.action)).toEqual(['accept-all', 'withdraw']);
    expect(stored[0]).toMatchObject({ id, revision: shopPolicy.revision, language: 'en' });
    expect(stored[0]?.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await log.verify()).toMatchObject({ ok: true });
  });

  test('a decision made while the log is down arrives once after it is back, on the next page', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    down = true;
    try {
      await page.goto(`${shop.url}/`);
      await banner(page, 'fi').getByRole('button', { name: WORDS.fi.rejectAll, exact: true }).click();
      await expect.poll(() => consentCookie(page)).not.toBeNull();
      // The record waits in the declared queue while the log answers 503.
      await expect.poll(async () => (await visitor.storageKeys()).local).toContain('consent_log_queue');
    } finally {
      down = false;
    }
    const id = idOf(await consentCookie(page));
    expect(await log.find(id)).toEqual([]);
    await page.goto(`${shop.url}/cart`);
    await expect.poll(async () => (await log.find(id)).length, { timeout: 10_000 }).toBe(1);
    await page.goto(`${shop.url}/products`);
    await page.waitForTimeout(800);
    expect((await log.find(id)).map((row) => row.action)).toEqual(['reject-all']);
    expect(await log.verify()).toMatchObject({ ok: true });
  });
});
