import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import type { ConsentRecord } from '../../src/core/consent-record';
import { createConsentStore } from '../../src/core/consent-store';
import { sha256Hex } from '../../src/core/text-hash';
import { PROOF_OF_CONSENT_FIELDS } from '../proof-of-consent';

const NOW = Date.UTC(2026, 10, 25, 12, 30);
const POLICY_TEXT_FI = 'For Minis And Mommies käyttää evästeitä (”cookies”) ja muita vastaavia tekniikoita.';

async function visitor(signals = { gpc: false, dnt: false }) {
  const records: ConsentRecord[] = [];
  let clock = NOW;
  const store = createConsentStore(shopPolicy, {
    sync: false,
    now: () => clock,
    signals,
    onDecision: (record) => records.push(record),
  });
  store.setRecordContext({ language: 'fi', textHash: (await sha256Hex(POLICY_TEXT_FI)) ?? undefined });
  return { store, records, later: () => (clock += 60_000) };
}

describe('given a visitor shown the Finnish policy text', () => {
  it('after Accept all, the record holds what proof of consent needs, and nothing else', async () => {
    const { store, records } = await visitor({ gpc: false, dnt: true });
    store.acceptAll();
    expect(records).toHaveLength(1);
    const record = records[0] as ConsentRecord;
    expect(Object.keys(record).sort()).toEqual([...PROOF_OF_CONSENT_FIELDS]);
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.decidedAt).toBe('2026-11-25T12:30:00.000Z');
    expect(record.revision).toBe(shopPolicy.revision);
    expect(record.language).toBe('fi');
    expect(record.textHash).toBe(createHash('sha256').update(POLICY_TEXT_FI, 'utf8').digest('hex'));
    // Do Not Track was on: the third-party categories stay off, and the record says which signal was seen.
    expect(record.choices).toEqual({ necessary: true, personalization: true, analytics: false, marketing: false });
    expect(record.signals).toEqual({ gpc: false, dnt: true });
    expect(record.action).toBe('accept-all');
  });

  it('two visitors get different random ids, and nothing in a record names the visitor', async () => {
    const first = await visitor();
    const second = await visitor();
    first.store.acceptAll();
    second.store.acceptAll();
    expect(first.records[0]?.id).not.toBe(second.records[0]?.id);
    const text = JSON.stringify(first.records[0]);
    expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
    expect(text).not.toContain('@');
  });

  it('records Reject all, a custom choice and a withdrawal as such, under the same consent id', async () => {
    const { store, records, later } = await visitor();
    store.rejectAll();
    later();
    store.save({ analytics: true });
    later();
    store.save({ analytics: false });
    expect(records.map((record) => record.action)).toEqual(['reject-all', 'custom', 'withdraw']);
    expect(new Set(records.map((record) => record.id)).size).toBe(1);
    expect(records[2]?.choices.analytics).toBe(false);
  });

  it('after Accept all, turning marketing off is a withdrawal', async () => {
    const { store, records, later } = await visitor();
    store.acceptAll();
    later();
    store.save({ marketing: false });
    expect(records.map((record) => record.action)).toEqual(['accept-all', 'withdraw']);
  });
});
