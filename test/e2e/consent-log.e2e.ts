import { describe, expect, inject, test } from 'vitest';
import { CONSENT_LOG_PATH, type LoggedRecord } from '../../scripts/lib/static-server.mjs';
import { PROOF_OF_CONSENT_FIELDS } from '../proof-of-consent';
import { visitorsForThisFile } from './support/browser';
import {
  banner,
  clickOnPage,
  consentCookie,
  dialog,
  hideConfirmation,
  LANGUAGES,
  settingsButton,
  shopUrl,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

/** What the shop's consent log holds for one consent id. */
async function logged(id: string): Promise<LoggedRecord[]> {
  const response = await fetch(`${inject('shopUrl')}${CONSENT_LOG_PATH}`);
  const all = (await response.json()) as LoggedRecord[];
  return all.filter((entry) => (entry.body as { id?: string }).id === id);
}

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test('given a visitor who accepts all and later withdraws / the shop’s consent log gets each decision once, with the proof and nothing else (E19)', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(shopUrl(language));
    await banner(page, language).getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => consentCookie(page)).not.toBeNull();
    const id = ((await consentCookie(page)) as string).split('.')[1] as string;

    await expect.poll(async () => (await logged(id)).length).toBe(1);
    const accepted = (await logged(id))[0] as LoggedRecord;
    const body = accepted.body as { textHash: string; decidedAt: string };
    expect(Object.keys(body).sort()).toEqual([...PROOF_OF_CONSENT_FIELDS]);
    expect(body).toMatchObject({
      id,
      revision: 1,
      action: 'accept-all',
      language,
      choices: { necessary: true, personalization: true, analytics: true, marketing: true },
      signals: { gpc: false, dnt: false },
    });
    expect(body.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(body.decidedAt).toISOString()).toBe(body.decidedAt);
    // No cookie and no referrer travel with the record: it identifies no one.
    expect(accepted.cookie).toBeNull();
    expect(accepted.referer).toBeNull();
    // Only the shop's origin, which every request from its pages says (a sandboxed frame's says `null`).
    expect(accepted.origin).toBe(new URL(page.url()).origin);

    await hideConfirmation(page, language);
    await clickOnPage(settingsButton(page, language));
    await dialog(page).getByRole('button', { name: words.rejectAll, exact: true }).click();
    await expect.poll(async () => (await logged(id)).length).toBe(2);
    const withdrawn = (await logged(id))[1];
    expect(withdrawn?.body).toMatchObject({
      id,
      action: 'withdraw',
      choices: { necessary: true, personalization: false, analytics: false, marketing: false },
    });
    // Nothing waits in the queue once the log has the records.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('consent_log_queue'))).toBeNull();
  });
});
