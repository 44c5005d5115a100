import { afterEach, describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { type ConsentRecord, consentCookieValue } from '../../src/core/consent-record';
import { encodeRecord } from '../../src/core/consent-record-writer';
import { createConsentStore } from '../../src/core/consent-store';
import { readConsentCookie } from '../../src/core/read-consent-cookie';

type C = (typeof shopPolicy.categoryNames)[number];
const NOW = Date.now();
const ALL_ON = { necessary: true, personalization: true, analytics: true, marketing: true };
const OPTIONAL_OFF = { necessary: true, personalization: false, analytics: false, marketing: false };

/** An encoded consent cookie value: a decision `ago` ms before now. */
function value(choices: Record<C, boolean>, ago: number, id = '8a3b5a8e-2c1f-4e7a-9d3b-1f2e3d4c5b6a'): string {
  const decidedAt = NOW - ago;
  const record: ConsentRecord<C> = {
    id,
    revision: shopPolicy.revision,
    choices,
    decidedAt: new Date(decidedAt).toISOString(),
    expiresAt: new Date(decidedAt + shopPolicy.consentMaxAge).toISOString(),
    action: Object.values(choices).every(Boolean) ? 'accept-all' : 'reject-all',
    signals: { gpc: false, dnt: false },
  };
  return encodeRecord(shopPolicy, record);
}

const grantEarlier = value(ALL_ON, 60_000);
const refusalLater = value(OPTIONAL_OFF, 1_000);

describe('given several consent cookies in one header (variants on other Paths or Domains)', () => {
  it('reads the latest decision, whatever order the browser sends them in', () => {
    for (const header of [
      `cookie_consent=${grantEarlier}; cookie_consent=${refusalLater}`,
      `cookie_consent=${refusalLater}; a=1; cookie_consent=${grantEarlier}`,
    ]) {
      expect(consentCookieValue(shopPolicy, header, NOW)).toBe(refusalLater);
      expect(readConsentCookie(shopPolicy, header, NOW).choices).toEqual(OPTIONAL_OFF);
    }
    const grantLater = value(ALL_ON, 500);
    expect(consentCookieValue(shopPolicy, `cookie_consent=${refusalLater}; cookie_consent=${grantLater}`, NOW)).toBe(
      grantLater,
    );
  });

  it('given two decisions of the same instant / reads the one that grants least: never a grant over a refusal', () => {
    const grant = value(ALL_ON, 1_000);
    const refusal = value(OPTIONAL_OFF, 1_000, '0f1e2d3c-4b5a-4978-8877-665544332211');
    for (const header of [
      `cookie_consent=${grant}; cookie_consent=${refusal}`,
      `cookie_consent=${refusal}; cookie_consent=${grant}`,
    ]) {
      expect(consentCookieValue(shopPolicy, header, NOW)).toBe(refusal);
    }
  });

  it('passes over values that are not a record of this policy now, and reads none as undecided', () => {
    const expired = value(ALL_ON, shopPolicy.consentMaxAge + 1);
    expect(consentCookieValue(shopPolicy, `cookie_consent=forged; cookie_consent=${refusalLater}`, NOW)).toBe(
      refusalLater,
    );
    expect(consentCookieValue(shopPolicy, `cookie_consent=${expired}; cookie_consent=garbage`, NOW)).toBeNull();
    expect(consentCookieValue(shopPolicy, 'other=1', NOW)).toBeNull();
  });
});

describe('given a browser that holds the consent cookie on / and on /en', () => {
  afterEach(() => {
    for (const path of ['/', '/en']) document.cookie = `cookie_consent=; Max-Age=0; Path=${path}`;
    history.replaceState(null, '', '/');
  });

  function plant(onEn: string, onRoot: string) {
    history.replaceState(null, '', '/en/products');
    document.cookie = `cookie_consent=${onEn}; Path=/en`;
    document.cookie = `cookie_consent=${onRoot}; Path=/`;
    expect(document.cookie.match(/cookie_consent=/g)).toHaveLength(2);
  }

  it('a page under /en reads the later refusal, not the earlier grant its longer Path sends first', () => {
    plant(grantEarlier, refusalLater);
    expect(createConsentStore(shopPolicy, { sync: false, signals: {} }).getSnapshot().choices).toEqual(OPTIONAL_OFF);
  });

  it('after a decision exactly one consent cookie is left, on every page of the shop, and it holds the decision', () => {
    plant(refusalLater, grantEarlier);
    const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
    store.rejectAll();
    expect(document.cookie.match(/cookie_consent=/g)).toHaveLength(1);
    history.replaceState(null, '', '/');
    expect(document.cookie.match(/cookie_consent=/g)).toHaveLength(1);
    expect(createConsentStore(shopPolicy, { sync: false, signals: {} }).getSnapshot().choices).toEqual(OPTIONAL_OFF);
    // The refusal was written and read back, not kept only in memory.
    expect(store.getSnapshot().record?.decidedAt).toBe(
      createConsentStore(shopPolicy, { sync: false, signals: {} }).getSnapshot().record?.decidedAt,
    );
  });

  it('a store that is watched keeps only the cookie it reads, at once, without a decision', () => {
    plant(grantEarlier, refusalLater);
    const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
    const stop = store.subscribe(() => {});
    expect(document.cookie.match(/cookie_consent=/g)).toHaveLength(1);
    history.replaceState(null, '', '/');
    expect(createConsentStore(shopPolicy, { sync: false, signals: {} }).getSnapshot().choices).toEqual(OPTIONAL_OFF);
    stop();
  });
});
