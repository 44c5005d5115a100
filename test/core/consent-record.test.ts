import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { type ConsentRecord, decodeRecord } from '../../src/core/consent-record';
import { encodeRecord, randomId } from '../../src/core/consent-record-writer';
import { bumpedPolicy, grownPolicy } from './policy-changes';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const DAY = 86_400_000;
type ShopCategory = (typeof shopPolicy.categoryNames)[number];

function record(overrides: Partial<ConsentRecord<ShopCategory>> = {}): ConsentRecord<ShopCategory> {
  const decidedAt = NOW - DAY;
  return {
    id: '0b7d3c1e-5f2a-4c6b-9d8e-1a2b3c4d5e6f',
    revision: 1,
    choices: { necessary: true, personalization: true, analytics: false, marketing: true },
    decidedAt: new Date(decidedAt).toISOString(),
    expiresAt: new Date(decidedAt + shopPolicy.consentMaxAge).toISOString(),
    action: 'custom',
    signals: { gpc: false, dnt: true },
    ...overrides,
  };
}

const granted = (decoded: ConsentRecord<ShopCategory> | null) =>
  decoded !== null && (['personalization', 'analytics', 'marketing'] as const).some((c) => decoded.choices[c]);

describe('the consent cookie value', () => {
  it('round-trips a record through a compact, cookie-safe string', () => {
    const value = encodeRecord(shopPolicy, record());
    expect(value).toMatch(/^[\x21-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/);
    expect(value.length).toBeLessThan(140);
    expect(value).toContain('necessary:1|personalization:1|analytics:0|marketing:1');
    expect(decodeRecord(shopPolicy, value, NOW)).toEqual(record());
  });

  it('reads as undecided when missing, empty or unparsable', () => {
    for (const value of [null, undefined, '', 'yes', '{"analytics":true}', 42, {}]) {
      expect(decodeRecord(shopPolicy, value, NOW)).toBeNull();
    }
  });

  it('reads as undecided when it names a category the policy does not have', () => {
    const value = encodeRecord(shopPolicy, record()).replace('marketing:1', 'marketing:1|tracking:1');
    expect(decodeRecord(shopPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided when it lacks a category the policy now has', () => {
    const value = encodeRecord(shopPolicy, record());
    expect(decodeRecord(grownPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided when the revision differs', () => {
    const value = encodeRecord(shopPolicy, record());
    expect(decodeRecord(bumpedPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided when decidedAt is in the future', () => {
    const decidedAt = NOW + 60_000;
    const value = encodeRecord(
      shopPolicy,
      record({ decidedAt: new Date(decidedAt).toISOString(), expiresAt: new Date(decidedAt + DAY).toISOString() }),
    );
    expect(decodeRecord(shopPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided when expiresAt is later than decidedAt + consentMaxAge', () => {
    const value = encodeRecord(
      shopPolicy,
      record({ expiresAt: new Date(NOW - DAY + shopPolicy.consentMaxAge + 1).toISOString() }),
    );
    expect(decodeRecord(shopPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided at exactly expiresAt, and as decided one millisecond before', () => {
    const value = encodeRecord(shopPolicy, record());
    const expiresAt = NOW - DAY + shopPolicy.consentMaxAge;
    expect(decodeRecord(shopPolicy, value, expiresAt - 1)).not.toBeNull();
    expect(decodeRecord(shopPolicy, value, expiresAt)).toBeNull();
  });

  it('reads as undecided when a required category is stored as off', () => {
    const value = encodeRecord(shopPolicy, record()).replace('necessary:1', 'necessary:0');
    expect(decodeRecord(shopPolicy, value, NOW)).toBeNull();
  });

  it('reads as undecided for non-canonical forms: reordered categories, padded numbers, wrong types', () => {
    const value = encodeRecord(shopPolicy, record());
    const fields = value.split('.');
    const reordered = [...fields.slice(0, 7), fields[7]?.split('|').reverse().join('|')].join('.');
    expect(decodeRecord(shopPolicy, reordered, NOW)).toBeNull();
    expect(decodeRecord(shopPolicy, [fields[0], fields[1], '01', ...fields.slice(3)].join('.'), NOW)).toBeNull();
    expect(decodeRecord(shopPolicy, value.replace('analytics:0', 'analytics:true'), NOW)).toBeNull();
    expect(decodeRecord(shopPolicy, value.replace('.c.', '.x.'), NOW)).toBeNull();
    expect(decodeRecord(shopPolicy, value.replace(/\.2\./, '.7.'), NOW)).toBeNull();
  });

  it('makes random version-4 ids, also where Web Crypto is missing', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(randomId()).toMatch(uuid);
    const original = globalThis.crypto;
    try {
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
      const ids = new Set(Array.from({ length: 50 }, randomId));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });
});

describe('decoding, property-based', () => {
  const RUNS = 10_000;

  it('never throws and never grants for arbitrary strings that are not an exact valid encoding', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^1\.[\w.:|-]*$/)),
        (value) => {
          const decoded = decodeRecord(shopPolicy, value, NOW);
          return !granted(decoded) || encodeRecord(shopPolicy, decoded as ConsentRecord<ShopCategory>) === value;
        },
      ),
      { numRuns: RUNS },
    );
  });

  const validRecord = fc
    .record({
      choices: fc.record({
        personalization: fc.boolean(),
        analytics: fc.boolean(),
        marketing: fc.boolean(),
      }),
      age: fc.integer({ min: 0, max: shopPolicy.consentMaxAge - 1 }),
      action: fc.constantFrom('accept-all', 'reject-all', 'custom', 'withdraw' as const),
      gpc: fc.boolean(),
      dnt: fc.boolean(),
      id: fc.uuid({ version: 4 }),
    })
    .map(({ choices, age, action, gpc, dnt, id }) => {
      const decidedAt = NOW - age;
      return record({
        id,
        choices: { necessary: true, ...choices },
        decidedAt: new Date(decidedAt).toISOString(),
        expiresAt: new Date(decidedAt + shopPolicy.consentMaxAge).toISOString(),
        action,
        signals: { gpc, dnt },
      });
    });

  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap-fields' as const), a: fc.nat(7), b: fc.nat(7) }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(value: string, m: Mutation): string {
    const at = value.length === 0 || !('at' in m) ? 0 : m.at % value.length;
    switch (m.kind) {
      case 'replace':
        return value.slice(0, at) + m.char + value.slice(at + 1);
      case 'insert':
        return value.slice(0, at) + m.char + value.slice(at);
      case 'delete':
        return value.slice(0, at) + value.slice(at + m.count);
      case 'truncate':
        return value.slice(0, at);
      case 'swap-fields': {
        const fields = value.split('.');
        [fields[m.a], fields[m.b]] = [fields[m.b] as string, fields[m.a] as string];
        return fields.join('.');
      }
    }
  }

  it('decodes every valid current record exactly', () => {
    fc.assert(
      fc.property(validRecord, (valid) => {
        expect(decodeRecord(shopPolicy, encodeRecord(shopPolicy, valid), NOW)).toEqual(valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and never grants after arbitrary mutations, unless the result is itself an exact valid encoding', () => {
    fc.assert(
      fc.property(validRecord, fc.array(mutation, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
        const value = mutations.reduce(mutate, encodeRecord(shopPolicy, valid));
        const decoded = decodeRecord(shopPolicy, value, NOW);
        if (decoded === null) return true;
        // Whatever is accepted is the canonical encoding of a record that obeys every rule.
        const decidedAt = Date.parse(decoded.decidedAt);
        const expiresAt = Date.parse(decoded.expiresAt);
        return (
          encodeRecord(shopPolicy, decoded) === value &&
          decoded.choices.necessary &&
          decidedAt <= NOW &&
          expiresAt > NOW &&
          expiresAt - decidedAt <= shopPolicy.consentMaxAge
        );
      }),
      { numRuns: RUNS },
    );
  });
});
