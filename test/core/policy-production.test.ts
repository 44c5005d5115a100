// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { definePolicy, PolicyError } from '../../src/core/policy';
import { base, type Loose } from './policy-base';

// A production build keeps every check of definePolicy and leaves its explanations out: its PolicyError names
// the field and the check's code (docs/policy-errors.md). The sources run here as they are, so setting
// NODE_ENV before a call is what a shop's bundler does by replacing `process.env.NODE_ENV` in the bundle.

/** A service of the analytics category with the given storage items. */
const storing = (...storage: (Loose | null)[]) => ({ ga: { category: 'analytics', storage } });
const item = (fields: Loose) => ({ name: '_ga', kind: 'cookie', lifetime: '1d', ...fields });
const about = (fields: Loose) => ({
  controller: { name: 'Shop Oy', address: 'Street 1', contact: 'a@shop.example' },
  updated: '2026-12-01',
  ...fields,
});

/** Each check: a change that breaks it, the field a production error names and its code. */
const CASES: [(c: Loose) => unknown, string, string][] = [
  [(c) => (c.revison = 2), 'revison', 'field'],
  [(c) => (c.categories.analytics.thirdparty = true), 'categories.analytics.thirdparty', 'field'],
  [(c) => (c.services = storing(item({ expires: '2y' }))), 'services.ga.storage[0].expires', 'field'],
  [(c) => (c.revision = 1.5), 'revision', 'revision'],
  [(c) => (c.revision = '1'), 'revision', 'revision'],
  [(c) => (c.categories = {}), 'categories', 'no-categories'],
  [
    (c) => (c.categories['bad name'] = { lifetime: { min: '1d', max: '2d' } }),
    'categories["bad name"]',
    'category-name',
  ],
  [(c) => (c.categories.analytics = { thirdParty: true }), 'categories.analytics.lifetime', 'lifetime'],
  [(c) => (c.categories.analytics.thirdParty = 'yes'), 'categories.analytics.thirdParty', 'boolean'],
  [(c) => (c.categories.analytics.required = 1), 'categories.analytics.required', 'boolean'],
  [(c) => (c.categories.necessary.thirdParty = true), 'categories.necessary', 'required-third-party'],
  [(c) => (c.categories.analytics.lifetime.min = '30 secs'), 'categories.analytics.lifetime.min', 'duration'],
  [(c) => (c.categories.analytics.lifetime.min = 10n), 'categories.analytics.lifetime.min', 'duration'],
  [(c) => (c.categories.analytics.lifetime.min = 0), 'categories.analytics.lifetime.min', 'too-short'],
  [(c) => (c.consentMaxAge = 999), 'consentMaxAge', 'too-short'],
  [(c) => (c.categories.necessary.lifetime.max = '300000y'), 'categories.necessary.lifetime.max', 'too-long'],
  [
    (c) => (c.categories.analytics.lifetime = { min: '3y', max: '26mo' }),
    'categories.analytics.lifetime.min',
    'min-over-max',
  ],
  [
    (c) => {
      for (let index = 0; index < 300; index++) c.categories[`c${index}`] = { lifetime: { min: '1s', max: '1y' } };
    },
    'categories',
    'record-length',
  ],
  [(c) => (c.categories.necessary.required = false), 'categories', 'no-required'],
  [(c) => (c.consentMaxAge = '27mo'), 'consentMaxAge', 'consent-max-age'],
  [(c) => (c.services = []), 'services', 'object'],
  [(c) => (c.services = { ' ga': { category: 'analytics', storage: [] } }), 'services[" ga"]', 'service-id'],
  [(c) => (c.services = { ga: 'analytics' }), 'services.ga', 'object'],
  [
    (c) => (c.services = { ga: { category: 'analytics', storage: [], onWithdraw: 'delete' } }),
    'services.ga.onWithdraw',
    'on-withdraw',
  ],
  [(c) => (c.services = { ga: { category: 'analytcs', storage: [] } }), 'services.ga.category', 'unknown-category'],
  [(c) => (c.services = { ga: { category: 'analytics' } }), 'services.ga.storage', 'list'],
  [
    (c) => (c.services = { ga: { category: 'analytics', storage: [], hosts: 'x.example' } }),
    'services.ga.hosts',
    'list',
  ],
  [
    (c) => (c.services = { ga: { category: 'analytics', storage: [], thirdParty: 'no' } }),
    'services.ga.thirdParty',
    'boolean',
  ],
  [(c) => (c.services = { ga: { category: 'analytics', storage: [], label: ' GA' } }), 'services.ga.label', 'label'],
  [
    (c) => (c.services = { ga: { category: 'analytics', storage: [], hosts: ['a.example', 'https://b.example/'] } }),
    'services.ga.hosts[1]',
    'host',
  ],
  [
    (c) => (c.services = { ga: { category: 'analytics', storage: [], privacy: 'http://ga.example/privacy' } }),
    'services.ga.privacy',
    'https',
  ],
  [(c) => (c.services = storing(item({}), item({ name: '' }))), 'services.ga.storage[1].name', 'no-name'],
  [(c) => (c.services = storing(null)), 'services.ga.storage[0].name', 'no-name'],
  [(c) => (c.services = storing(item({ kind: 'indexedDB' }))), 'services.ga.storage[0].kind', 'kind'],
  [
    (c) => (c.services = storing(item({}), item({}), item({ name: 'a=b' }))),
    'services.ga.storage[2].name',
    'cookie-name',
  ],
  [
    (c) => (c.services = storing(item({ name: ' lead', kind: 'localStorage' }))),
    'services.ga.storage[0].name',
    'storage-key',
  ],
  [(c) => (c.services = storing(item({ name: 'n'.repeat(257) }))), 'services.ga.storage[0].name', 'name-length'],
  [
    (c) =>
      (c.services = {
        login: { category: 'necessary', storage: [item({ name: 'session_id' })] },
        ads: { category: 'analytics', storage: [item({ name: '*' })] },
      }),
    'services.ads.storage[0].name',
    'overlap',
  ],
  [(c) => (c.services = storing(item({ party: 'both' }))), 'services.ga.storage[0].party', 'party'],
  [(c) => (c.services = storing(item({ lifetime: 'soon' }))), 'services.ga.storage[0].lifetime', 'duration'],
  [(c) => (c.services = storing(item({ lifetime: '500ms' }))), 'services.ga.storage[0].lifetime', 'too-short'],
  [(c) => (c.services = storing(item({ lifetime: '3y' }))), 'services.ga.storage[0].lifetime', 'outlives-category'],
  [(c) => (c.cookie = 'cookie_consent'), 'cookie', 'object'],
  [(c) => (c.cookie = { samesite: 'None' }), 'cookie.samesite', 'field'],
  [(c) => (c.cookie = { name: 'a;b' }), 'cookie.name', 'cookie-name'],
  [(c) => (c.cookie = { name: 'n'.repeat(257) }), 'cookie.name', 'name-length'],
  [(c) => (c.cookie = { path: 42 }), 'cookie.path', 'path'],
  [(c) => (c.cookie = { path: '/; Domain=evil.example' }), 'cookie.path', 'path'],
  [(c) => (c.cookie = { domain: 'shop.example; Secure' }), 'cookie.domain', 'domain'],
  [(c) => (c.cookie = { sameSite: 'none' }), 'cookie.sameSite', 'same-site'],
  [(c) => (c.cookie = { secure: 'false' }), 'cookie.secure', 'boolean'],
  [(c) => (c.cookie = { sameSite: 'None', secure: false }), 'cookie.secure', 'needs-secure'],
  [(c) => (c.cookie = { name: '__Secure-consent', secure: false }), 'cookie.secure', 'needs-secure'],
  [(c) => (c.cookie = { name: '__Host-consent', path: '/shop' }), 'cookie.name', 'host-prefix'],
  [(c) => (c.about = { updated: '2026-12-01' }), 'about', 'about'],
  [(c) => (c.about = about({ updated: 'yesterday' })), 'about.updated', 'date'],
  [(c) => (c.about = about({ controller: { name: '', address: 'B', contact: 'C' } })), 'about.controller.name', 'text'],
  [
    (c) => (c.about = about({ controller: { name: 'A', address: 'B', contact: 'C', vat: 'x' } })),
    'about.controller.vat',
    'field',
  ],
  [(c) => (c.about = about({ privacyPolicy: 'javascript:alert(1)' })), 'about.privacyPolicy', 'https'],
];

/** What a production build says: the field and the code, and no explanation. */
const production = (where: string, code: string) =>
  `definePolicy: ${where} is not valid (${code}); a development build says why.`;

/** The PolicyError a call throws; fails the test when it returns (a policy read leniently) or throws another error. */
function refusal(make: () => unknown): PolicyError {
  let made: unknown;
  try {
    made = make();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error(`definePolicy returned a policy: ${JSON.stringify(made)}`);
}

function define(change: (config: Loose) => unknown) {
  const config = structuredClone(base) as Loose;
  change(config);
  return () => definePolicy(config as typeof base);
}

/** The codes of docs/policy-errors.md's table. */
function documentedCodes(): string[] {
  const doc = readFileSync(new URL('../../docs/policy-errors.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^\| `([a-z-]+)` +\|/gm)].map(([, code]) => code as string);
}

/** The codes the checks in src/core/policy.ts throw. */
function sourceCodes(): string[] {
  const source = readFileSync(new URL('../../src/core/policy.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/\bfail\(\s*(?:'[^']*'|`[^`]*`|\w+),\s*'([a-z-]+)',/g)].map(([, code]) => code as string);
}

describe('definePolicy in a production build', () => {
  const environment = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
  });
  afterEach(() => {
    if (environment === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = environment;
  });

  it.each(CASES.map(([change, where, code]) => ({ change, where, code })))(
    'refuses, naming $where and the code $code',
    ({ change, where, code }) => {
      expect(refusal(define(change)).message).toBe(production(where, code));
    },
  );

  it('still accepts every valid policy, with every field there is', () => {
    const policy = definePolicy({
      ...base,
      consentMaxAge: '6mo',
      services: {
        ga: {
          category: 'analytics',
          label: 'Google Analytics',
          hosts: ['www.google-analytics.com'],
          privacy: 'https://policies.google.com/privacy',
          onWithdraw: 'reload',
          storage: [{ name: '_ga_*', kind: 'cookie', lifetime: '2y', party: 'first' }],
        },
      },
      cookie: { name: '__Host-consent', path: '/', sameSite: 'Strict', secure: true },
      about: about({ privacyPolicy: '/privacy' }) as never,
    });
    expect(policy.storage.map((stored) => stored.name)).toEqual(['_ga_*']);
    expect(policy.cookie.name).toBe('__Host-consent');
  });

  it('refuses what is not a policy at all, naming it `policy`', () => {
    for (const config of [undefined, null, 'policy', 42, [], () => base]) {
      expect(refusal(() => definePolicy(config as never)).message).toBe(production('policy', 'object'));
    }
  });

  it('refuses hostile declarations, and never returns a policy', () => {
    // `__proto__` as an own key, as JSON.parse makes it: a category name, or a field no declaration has.
    expect(
      refusal(() =>
        definePolicy(
          JSON.parse('{"revision":1,"categories":{"__proto__":{"required":true,"lifetime":{"min":"1s","max":"1y"}}}}'),
        ),
      ).message,
    ).toBe(production('categories["__proto__"]', 'category-name'));
    expect(
      refusal(
        define(
          (c) =>
            (c.categories.analytics = JSON.parse('{"lifetime":{"min":"1s","max":"1y"},"__proto__":{"required":true}}')),
        ),
      ).message,
    ).toBe(production('categories.analytics.__proto__', 'field'));
    // A name every object has is a category as any other, and a service cannot name one it does not declare.
    const policy = definePolicy({
      ...base,
      categories: { ...base.categories, constructor: { lifetime: { min: '1s', max: '1y' } } },
      services: { toString: { category: 'constructor', storage: [] } },
    });
    expect(policy.categoryNames).toEqual(['necessary', 'analytics', 'constructor']);
    expect(refusal(define((c) => (c.services = { ga: { category: 'toString', storage: [] } }))).message).toBe(
      production('services.ga.category', 'unknown-category'),
    );
    // A Proxy is read as the object it shows: its revision is checked like any other.
    const proxy = new Proxy(structuredClone(base) as Loose, {
      get: (target, key) => (key === 'revision' ? '1' : target[key as string]),
    });
    expect(refusal(() => definePolicy(proxy as typeof base)).message).toBe(production('revision', 'revision'));
    // A revision that cannot even be shown.
    expect(refusal(define((c) => (c.revision = 1n))).message).toBe(production('revision', 'revision'));
  });

  it('lets an error thrown while reading the declaration through, and returns no policy', () => {
    const reading = new Error('read me and I throw');
    const getter = structuredClone(base) as Loose;
    Object.defineProperty(getter, 'revision', {
      enumerable: true,
      get() {
        throw reading;
      },
    });
    expect(() => definePolicy(getter as typeof base)).toThrow(reading);
    const keys = new Proxy(structuredClone(base), {
      ownKeys() {
        throw reading;
      },
    });
    expect(() => definePolicy(keys)).toThrow(reading);
  });

  it('tells another story in a development build, with the same field', () => {
    process.env.NODE_ENV = 'development';
    for (const [change, where, code] of CASES) {
      const { message } = refusal(define(change));
      expect(message).toMatch(/^definePolicy: /);
      expect(message).not.toBe(production(where, code));
      expect(message).not.toContain('a development build says why');
      expect(message, code).toContain(where.split(/[.[]/)[0]);
    }
  });
});

describe('the codes of definePolicy', () => {
  it('are each documented once in docs/policy-errors.md, and each is checked above', () => {
    const documented = documentedCodes();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...new Set(sourceCodes())].sort()).toEqual([...documented].sort());
    expect([...new Set(CASES.map(([, , code]) => code))].sort()).toEqual([...documented].sort());
  });

  it('one per check: every call in the source passes its explanation behind process.env.NODE_ENV', () => {
    const source = readFileSync(new URL('../../src/core/policy.ts', import.meta.url), 'utf8');
    const calls = source.match(/\bfail\(/g) ?? [];
    // The definition, and then each call, with its code and its explanation in a development build only.
    expect(sourceCodes()).toHaveLength(calls.length - 1);
    const explained = source.match(
      /\bfail\(\s*(?:'[^']*'|`[^`]*`|\w+),\s*'[a-z-]+',\s*process\.env\.NODE_ENV !== 'production' &&/g,
    );
    expect(explained).toHaveLength(calls.length - 1);
  });
});

/** definePolicy bundled as a shop's bundler makes it (esbuild, minified), with `process.env.NODE_ENV` replaced. */
async function bundled(mode: 'production' | 'development') {
  const result = await build({
    stdin: {
      contents: "export { definePolicy } from './src/core/policy.ts';",
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Phrases of the development explanations, each of a different check. */
const EXPLANATIONS = [
  'must be true or false',
  'is not a field of the declaration here',
  'is not a duration',
  'a cookie lives whole seconds',
  'is longer than its max',
  'a name belongs to one category',
  'browsers refuse it with cookie.secure false',
  'must be an https address',
  'is not a category of this policy',
];

describe('a production bundle of definePolicy', () => {
  it('leaves out the explanations and keeps the codes; a development bundle has both', {
    timeout: 20_000,
  }, async () => {
    const [production, development] = await Promise.all([bundled('production'), bundled('development')]);
    for (const phrase of EXPLANATIONS) {
      expect(production, phrase).not.toContain(phrase);
      expect(development, phrase).toContain(phrase);
    }
    expect(production).not.toContain('process.env');
    for (const code of documentedCodes()) expect(production, code).toContain(`"${code}"`);
    expect(production).toContain('a development build says why');
    const gzipped = (code: string) => gzipSync(code, { level: 9 }).length;
    // 4.22 KiB when production shipped the explanations; they were 1.3 KiB of it.
    expect(gzipped(production)).toBeLessThan(3.1 * 1024);
    expect(gzipped(development) - gzipped(production)).toBeGreaterThan(1024);
  });
});
