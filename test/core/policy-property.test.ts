import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/consent-record';
import { createConsentStore } from '../../src/core/consent-store';
import { cookieNames, serializeCookie, siteCookieAttributes } from '../../src/core/cookie';
import { DURATION_UNITS } from '../../src/core/duration';
import { memoryPersistence } from '../../src/core/persistence';
import { definePolicy, type Policy, PolicyError } from '../../src/core/policy';
import { matchesStorageName } from '../../src/core/storage-name';

// The rule: every policy definePolicy accepts works end to end; anything else is a PolicyError naming the
// field. Checked over generated policies, most of them sane, each field now and then hostile: long and
// many names, names every object has, odd durations and revisions, storage names a browser reads
// otherwise, attributes that would end a cookie's attribute early.

/** Policies per run; `POLICY_RUNS=100000 npx vitest run test/core/policy-property.test.ts` looks further. */
const RUNS = Number(process.env.POLICY_RUNS ?? 2000);
const { s: SECOND, d: DAY, y: YEAR } = DURATION_UNITS;

/** Absent, or a value. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

/**
 * Policy configurations. Sane ones vary what a shop may well declare (names every object has, long names,
 * many categories, wildcards, any Web Storage key); hostile ones also put odd values in any field.
 */
function policyConfigs(hostile: boolean) {
  /** `sane`; in a hostile configuration now and then one of `odd`. */
  const mostly = <T, U>(sane: fc.Arbitrary<T>, odd: fc.Arbitrary<U>, weight = 12): fc.Arbitrary<T | U> =>
    hostile ? fc.oneof({ arbitrary: sane, weight }, { arbitrary: odd, weight: 1 }) : sane;

  const oddDuration = fc.constantFrom<unknown>(
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '300000y',
    '101y',
    '100y',
    100 * YEAR,
    100 * YEAR + 1,
    1e300,
    '0.1ms',
    '999ms',
    999,
    '1s',
    '0.5s',
    '1e3s',
    ' 5d ',
    'abc',
    '',
    null,
    {},
    10n,
  );
  const between = (min: number, max: number, units: string[]) =>
    fc.oneof(
      fc.integer({ min, max }),
      fc
        .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(...units))
        .map(([amount, unit]) => `${amount}${unit}`)
        .filter((value) => {
          const [, amount, unit] = /^(\d+)(\w+)$/.exec(value) as string[];
          const ms = Number(amount) * DURATION_UNITS[unit as keyof typeof DURATION_UNITS];
          return ms >= min && ms <= max;
        }),
    );
  /** A category's shortest lifetime, its longest, a storage item's and the consent's. */
  const minLifetime = mostly(between(SECOND, DAY, ['s', 'min', 'h', 'd']), oddDuration);
  const maxLifetime = mostly(between(YEAR, 5 * YEAR, ['mo', 'y']), oddDuration);
  const itemLifetime = mostly(between(SECOND, 30 * DAY, ['s', 'min', 'h', 'd', 'w']), oddDuration);
  const consentMaxAge = mostly(
    fc.oneof(
      { arbitrary: maybe(between(DAY, YEAR, ['d', 'w', 'mo'])), weight: 8 },
      fc.constantFrom('100y', 100 * YEAR),
    ),
    oddDuration,
  );
  const flag = mostly(maybe(fc.boolean()), fc.constantFrom<unknown>('true', 1, 0, null, 'yes'));

  /** Names every object has: they must work as category, service and storage names, or be refused. */
  const memberName = fc.constantFrom(
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
  );
  const categoryName = mostly(
    fc.oneof(
      { arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/), weight: 10 },
      { arbitrary: memberName, weight: 2 },
      { arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{37,39}$/), weight: 2 },
    ),
    fc.constantFrom('__proto__', 'n'.repeat(41), 'bad name', '', '1st', 'a.b', 'a:b', 'a|b', 'ä', '-x'),
    30,
  );
  const category = fc.record({
    required: flag,
    thirdParty: flag,
    lifetime: mostly(fc.record({ min: minLifetime, max: maxLifetime }), fc.constantFrom<unknown>(undefined, '1y', {})),
  });
  /** A few categories, or now and then many; the first one usually required. */
  const categories = fc
    .tuple(
      fc.oneof(
        {
          arbitrary: fc.uniqueArray(fc.tuple(categoryName, category), {
            minLength: 1,
            maxLength: 6,
            selector: ([n]) => n,
          }),
          weight: 6,
        },
        {
          arbitrary: fc.uniqueArray(fc.tuple(categoryName, category), {
            minLength: 30,
            maxLength: 120,
            selector: ([n]) => n,
          }),
          weight: 1,
        },
      ),
      fc.boolean(),
      fc.nat(9),
    )
    .map(([entries, longRequired, roll]) => {
      const [first] = entries;
      if (first && roll > 0) {
        first[1] = { ...first[1], required: true, thirdParty: false };
        if (longRequired && typeof first[1].lifetime === 'object') first[1].lifetime = { min: '1s', max: '100y' };
      }
      // Object.fromEntries makes `__proto__` an own key, as JSON.parse does.
      return Object.fromEntries(entries);
    });

  const cookieName = fc.oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{1,12}\*?$/), weight: 8 },
    {
      arbitrary: fc.constantFrom('_ga_*', '*', "!#$%&'*+-.^_`|~", 'n'.repeat(256), '__Host-c', '__Secure-c'),
      weight: 1,
    },
  );
  const storageKey = fc.oneof(
    { arbitrary: fc.string({ minLength: 1, maxLength: 16 }), weight: 4 },
    { arbitrary: memberName, weight: 1 },
    { arbitrary: fc.constantFrom('ostoskori 🛒', 'a=b; c', 'draft_*', 'k'.repeat(256)), weight: 1 },
  );
  const oddStorageName = fc.constantFrom<unknown>(
    'a=b',
    'a;b',
    ' lead',
    'trail ',
    '',
    'a\u0000b',
    '\ud800',
    'n'.repeat(257),
    42,
  );
  const item = fc.oneof(
    fc.record({ name: mostly(cookieName, oddStorageName), kind: fc.constant('cookie'), lifetime: itemLifetime }),
    fc.record({
      name: mostly(storageKey, oddStorageName),
      kind: mostly(
        fc.constantFrom('localStorage', 'sessionStorage'),
        fc.constantFrom<unknown>('indexedDB', 'cookies', undefined),
      ),
      lifetime: itemLifetime,
      party: mostly(maybe(fc.constantFrom('first', 'third')), fc.constant<unknown>('both')),
    }),
  );
  const serviceId = mostly(
    fc.oneof(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
      fc.constantFrom('Google Analytics 4', 'constructor', '__proto__', 'toString'),
    ),
    fc.constantFrom('', ' ga', 'ga\n', 'a\u0007b'),
    8,
  );
  const services = (names: string[]) =>
    maybe(
      fc
        .uniqueArray(
          fc.tuple(
            serviceId,
            fc.record({
              category: mostly(fc.constantFrom(...names), fc.constantFrom<unknown>('unknown', 42, 'hasOwnProperty')),
              label: mostly(
                maybe(fc.constantFrom('Google Analytics', 'Mainos­pikselit', 'ads & pixels')),
                fc.constantFrom<unknown>('', ' x', 42),
              ),
              hosts: mostly(
                maybe(
                  fc.array(
                    fc.constantFrom(
                      'www.google-analytics.com',
                      '*.doubleclick.net',
                      'bücher.example',
                      'localhost:8080',
                    ),
                  ),
                ),
                fc.constantFrom<unknown>('x.example', ['https://x.example/'], [null], ['a b']),
              ),
              thirdParty: flag,
              storage: fc.array(item, { maxLength: 4 }),
            }),
          ),
          { maxLength: 4, selector: ([id]) => id },
        )
        .map((entries) => Object.fromEntries(entries)),
    );
  const cookie = maybe(
    fc.record(
      {
        name: mostly(cookieName, fc.constantFrom<unknown>('a;b', 'a b', 42, 'n'.repeat(257), '')),
        path: mostly(
          fc.constantFrom('/', '/shop', '/fi/%C3%A4'),
          fc.constantFrom<unknown>('/a b', '/;x', 'shop', 42, '/ä'),
        ),
        domain: mostly(
          fc.constantFrom('shop.example', '.shop.example'),
          fc.constantFrom<unknown>('a b', 'a;b', 42, 'https://x'),
        ),
        sameSite: mostly(fc.constantFrom('Lax', 'Strict', 'None'), fc.constantFrom<unknown>('lax', 'none', null)),
        secure: flag,
      },
      { requiredKeys: [] },
    ),
  );
  const revision = mostly(
    fc.oneof(fc.nat(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER)),
    fc.constantFrom<unknown>(
      -1,
      1.5,
      1e21,
      Number.MAX_SAFE_INTEGER + 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1',
      -0,
      null,
    ),
  );
  return categories.chain((cats) =>
    fc.record(
      { revision, consentMaxAge, categories: fc.constant(cats), services: services(Object.keys(cats)), cookie },
      { requiredKeys: ['revision', 'categories'] },
    ),
  );
}

/** What every error of definePolicy starts with: the field it is about. */
const NAMES_A_FIELD = /^definePolicy: (revision|consentMaxAge|categories|services|cookie)\b/;

/** The attributes a cookie of the policy is written with, as a browser splits them. */
function cookieParts(policy: Policy, name: string, value: string) {
  return serializeCookie(name, value, {
    maxAge: 1000,
    path: policy.cookie.path,
    ...siteCookieAttributes(policy.cookie),
  })
    .split(';')
    .map((part) => part.trim());
}

/** Decides as the visitor would, checking each step; throws on the first thing that does not hold. */
function worksEndToEnd(policy: Policy, now: number, picks: ('on' | 'off' | 'unsaid')[]) {
  const storage = memoryPersistence();
  const options = { storage, sync: false as const, signals: {}, now: () => now };
  const store = createConsentStore(policy, options);
  const names = policy.categoryNames;
  const required = new Set(policy.categories.filter((c) => c.required).map((c) => c.name));
  const stored = () => decodeRecord(policy, storage.read(), now);

  store.acceptAll();
  let snapshot = store.getSnapshot();
  expect(snapshot.status).toBe('decided');
  expect(Object.keys(snapshot.choices)).toEqual(names);
  expect(names.every((name) => Object.hasOwn(snapshot.choices, name) && snapshot.choices[name] === true)).toBe(true);
  expect(stored()).toEqual(snapshot.record);

  store.rejectAll();
  snapshot = store.getSnapshot();
  expect(snapshot.status).toBe('decided');
  for (const name of names) expect(snapshot.choices[name]).toBe(required.has(name));
  expect(stored()).toEqual(snapshot.record);

  // A save names some categories, as on or off, and leaves the others as they were (off, after a refusal).
  const given = Object.fromEntries(
    names.flatMap((name, index) => {
      const pick = picks[index % picks.length];
      return pick === 'unsaid' || pick === undefined ? [] : [[name, pick === 'on']];
    }),
  );
  store.save(given);
  snapshot = store.getSnapshot();
  expect(snapshot.status).toBe('decided');
  for (const name of names) expect(snapshot.choices[name]).toBe(required.has(name) || given[name] === true);
  expect(stored()).toEqual(snapshot.record);
  // Another page, or a reload, reads the same decision.
  expect(createConsentStore(policy, options).getSnapshot()).toEqual(snapshot);

  store.reset();
  expect(store.getSnapshot().status).toBe('undecided');
  expect(storage.read()).toBeNull();
  expect(createConsentStore(policy, options).getSnapshot().status).toBe('undecided');

  // The consent cookie and each cookie item are written with exactly the attributes the policy gives.
  store.acceptAll();
  const value = storage.read() as string;
  const parts = cookieParts(policy, policy.cookie.name, value);
  expect(parts[0]).toBe(`${policy.cookie.name}=${value}`);
  expect(parts).toContain(`Path=${policy.cookie.path}`);
  expect(parts.filter((part) => /^domain=/i.test(part))).toEqual(
    policy.cookie.domain ? [`Domain=${policy.cookie.domain}`] : [],
  );
  expect(new Set(parts.map((part) => part.split('=')[0]?.toLowerCase())).size).toBe(parts.length);
  // A declared name is the name a browser keeps, and the cleanup finds it by that name.
  for (const item of policy.storage) {
    if (item.name.includes('*')) continue;
    expect(matchesStorageName(item.name, item.name)).toBe(true);
    if (item.kind === 'cookie') expect(cookieNames(cookieParts(policy, item.name, 'v')[0])).toEqual([item.name]);
  }
}

describe('definePolicy, property-based', () => {
  // A busy machine may take several times the second this usually takes.
  it(`accepts a policy only when it works end to end, and refuses the rest naming the field (${RUNS} policies)`, {
    timeout: 60_000,
  }, () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: policyConfigs(false), weight: 3 }, { arbitrary: policyConfigs(true), weight: 2 }),
        // Today, or any time from 1970 up to the last a choice of a hundred years can be made.
        fc.oneof(fc.constant(Date.UTC(2026, 10, 25, 12)), fc.integer({ min: 1, max: 8.64e15 - 100 * YEAR })),
        fc.array(fc.constantFrom('on', 'off', 'unsaid'), { minLength: 1, maxLength: 8 }),
        (candidate, now, picks) => {
          let policy: Policy;
          try {
            policy = definePolicy(candidate as never);
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyError);
            expect((error as Error).message).toMatch(NAMES_A_FIELD);
            tally.refused++;
            return;
          }
          tally.accepted++;
          worksEndToEnd(policy, now, picks);
        },
      ),
      { numRuns: RUNS },
    );
    // Both halves of the rule are exercised, each in a good share of the runs (about 30% accepted).
    expect(tally.accepted).toBeGreaterThan(RUNS / 5);
    expect(tally.refused).toBeGreaterThan(RUNS / 5);
  });
});
