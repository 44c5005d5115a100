import { randomUUID } from 'node:crypto';
import { shopPolicy } from '../../examples/shop-policy';
import type { ConsentRecord } from '../../src/core/consent-record';

/** A record of the shop's policy as the store writes it, decided `ago` ms before now. */
export function aRecord(overrides: Partial<ConsentRecord> = {}, ago = 1000): ConsentRecord {
  const decided = Date.now() - ago;
  return {
    id: randomUUID(),
    revision: shopPolicy.revision,
    choices: { necessary: true, personalization: false, analytics: true, marketing: false },
    decidedAt: new Date(decided).toISOString(),
    expiresAt: new Date(decided + shopPolicy.consentMaxAge).toISOString(),
    action: 'custom',
    signals: { gpc: false, dnt: false },
    language: 'fi',
    textHash: 'a'.repeat(64),
    ...overrides,
  };
}

/** A POST of a value as the logger sends it. */
export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://shop.test/api/consent-log', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
