import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import type { ConsentRecord } from '../../src/core/consent-record';
import { encodeRecord } from '../../src/core/consent-record-writer';
import { createConsentStore } from '../../src/core/consent-store';
import { memoryPersistence } from '../../src/core/persistence';
import { type CategoryConfig, definePolicy, type Policy, PolicyError } from '../../src/core/policy';
import { matchesStorageName } from '../../src/core/storage-name';
import { base, type Loose } from './policy-base';

/** A store of the policy in memory, with no privacy signals and no other tabs. */
const storeOf = <C extends string>(policy: Policy<C>, now = Date.now) =>
  createConsentStore(policy, { storage: memoryPersistence(), sync: false, signals: {}, now });

function define(change: (config: Loose) => void) {
  const config = structuredClone(base) as Loose;
  change(config);
  return () => definePolicy(config as typeof base);
}

describe('definePolicy', () => {
  it('normalises the shop policy: categories in order, lifetimes in milliseconds, a 12-month consent age', () => {
    expect(shopPolicy.categoryNames).toEqual(['necessary', 'personalization', 'analytics', 'marketing']);
    expect(shopPolicy.categories[0]).toMatchObject({ name: 'necessary', required: true, thirdParty: false });
    expect(shopPolicy.categories[2]).toMatchObject({ name: 'analytics', thirdParty: true });
    expect(shopPolicy.categories[2]?.lifetime.min).toBe(30_000);
    expect(shopPolicy.consentMaxAge).toBe(definePolicy({ ...base, consentMaxAge: '1y' }).consentMaxAge);
    expect(shopPolicy.cookie).toEqual({ name: 'cookie_consent', path: '/', sameSite: 'Lax' });
    expect(shopPolicy.storage.map((item) => item.name)).toContain('_ga_*');
    expect(Object.isFrozen(shopPolicy) && Object.isFrozen(shopPolicy.categories)).toBe(true);
  });

  it('defaults consentMaxAge to twelve months', () => {
    expect(definePolicy(base).consentMaxAge).toBe(definePolicy({ ...base, consentMaxAge: '12mo' }).consentMaxAge);
  });

  it('throws for an unknown duration string, naming where it is', () => {
    expect(
      define((c) => {
        c.categories.analytics.lifetime.min = '30 secs';
      }),
    ).toThrowError(/definePolicy: categories\.analytics\.lifetime\.min: "30 secs" is not a duration/);
  });

  it('throws when a lifetime minimum is above its maximum', () => {
    expect(
      define((c) => {
        c.categories.analytics.lifetime = { min: '3y', max: '26mo' };
      }),
    ).toThrowError(/categories\.analytics\.lifetime\.min \(3y\) is longer than its max \(26mo\)/);
  });

  it('throws for a service in an unknown category, listing the known ones', () => {
    expect(
      define((c) => {
        c.services = { ga: { category: 'analytcs', storage: [] } };
      }),
    ).toThrowError(
      /services\.ga\.category "analytcs" is not a category of this policy \(known: necessary, analytics\)/,
    );
  });

  it('throws when consentMaxAge outlives the longest lifetime of the required category', () => {
    expect(
      define((c) => {
        c.consentMaxAge = '27mo';
      }),
    ).toThrowError(/consentMaxAge \(27mo\) is longer than the longest lifetime the required categories declare/);
  });

  it('throws for a duration longer than a hundred years, which a date may not hold, naming the field', () => {
    const forever = (c: Loose) => {
      c.categories.necessary.lifetime.max = '300000y';
    };
    expect(define(forever)).toThrowError(
      /categories\.necessary\.lifetime\.max \(300000y\) is longer than '100y', the longest a policy may declare/,
    );
    expect(
      define((c) => {
        forever(c);
        c.categories.necessary.lifetime.max = '100y';
        c.consentMaxAge = 1e300;
      }),
    ).toThrowError(/consentMaxAge \(1e\+300\) is longer than '100y'/);
    expect(
      define((c) => {
        c.services = { ga: { category: 'analytics', storage: [{ name: '_ga', kind: 'cookie', lifetime: 1e300 }] } };
      }),
    ).toThrowError(/services\.ga\.storage\[0\]\.lifetime \(1e\+300\) is longer than '100y'/);
  });

  it('accepts a hundred years, and a decision under such a policy is remembered that long', () => {
    const policy = definePolicy({
      revision: 1,
      consentMaxAge: '100y',
      categories: { necessary: { required: true, lifetime: { min: '1s', max: '100y' } } },
    });
    const store = storeOf(policy);
    store.acceptAll();
    const record = store.getSnapshot().record;
    expect(record && Date.parse(record.expiresAt) - Date.parse(record.decidedAt)).toBe(policy.consentMaxAge);
  });

  it('throws for a lifetime of zero, or of less than a second for a cookie, naming the field', () => {
    expect(
      define((c) => {
        c.categories.analytics.lifetime.min = 0;
      }),
    ).toThrowError(/categories\.analytics\.lifetime\.min \(0\) must be at least '1ms'/);
    expect(
      define((c) => {
        c.services = {
          x: { category: 'analytics', storage: [{ name: 'k', kind: 'localStorage', lifetime: '0.1ms' }] },
        };
      }),
    ).toThrowError(/services\.x\.storage\[0\]\.lifetime \(0\.1ms\) must be at least '1ms'/);
    expect(
      define((c) => {
        c.services = { x: { category: 'analytics', storage: [{ name: 'k', kind: 'cookie', lifetime: '500ms' }] } };
      }),
    ).toThrowError(/services\.x\.storage\[0\]\.lifetime \(500ms\) must be at least '1s': a cookie lives whole seconds/);
    expect(
      define((c) => {
        c.consentMaxAge = 999;
      }),
    ).toThrowError(/consentMaxAge \(999\) must be at least '1s'/);
  });

  it('throws for a revision that is not a safe integer, which the consent cookie could not spell in digits', () => {
    expect(
      define((c) => {
        c.revision = 1e21;
      }),
    ).toThrowError(
      /revision must be a whole number from 0 to 9007199254740991 \(Number\.MAX_SAFE_INTEGER\), got 1e\+21/,
    );
    const store = storeOf(definePolicy({ ...base, revision: Number.MAX_SAFE_INTEGER }));
    store.acceptAll();
    expect(store.getSnapshot().status).toBe('decided');
  });

  it('throws when the consent cookie of its categories could outgrow what a consent cookie may hold', () => {
    const categories = (count: number, length = 3): Record<string, CategoryConfig> =>
      Object.fromEntries(
        Array.from({ length: count }, (_, index) => [
          `c${String(index).padStart(length - 1, '0')}`,
          { required: index === 0, lifetime: { min: '1s', max: '1y' } },
        ]),
      );
    expect(() => definePolicy({ revision: 1, categories: categories(1000) })).toThrowError(
      /categories: 1000 categories with these names make a consent cookie of up to 6968 characters, over the 2048 it may hold/,
    );
    expect(() => definePolicy({ revision: 1, categories: categories(47, 40) })).toThrowError(
      /over the 2048 it may hold/,
    );
    // 46 names of 40 characters and a three-digit revision: exactly 2048 characters at the latest date a
    // record can hold, which is written and read back; a four-digit revision is one character too many.
    const widest = definePolicy({ revision: 100, consentMaxAge: '1y', categories: categories(46, 40) });
    const store = storeOf(widest, () => 8.64e15 - widest.consentMaxAge);
    store.acceptAll();
    expect(store.getSnapshot().status).toBe('decided');
    expect(encodeRecord(widest, store.getSnapshot().record as ConsentRecord)).toHaveLength(2048);
    expect(() => definePolicy({ revision: 1000, consentMaxAge: '1y', categories: categories(46, 40) })).toThrowError(
      /46 categories with these names make a consent cookie of up to 2049 characters/,
    );
  });

  it('throws when no category is required', () => {
    expect(
      define((c) => {
        c.categories.necessary.required = false;
      }),
    ).toThrowError(/no category is required/);
  });

  it('throws when a storage item outlives its category', () => {
    expect(
      define((c) => {
        c.services = { ga: { category: 'analytics', storage: [{ name: '_ga', kind: 'cookie', lifetime: '3y' }] } };
      }),
    ).toThrowError(/services\.ga\.storage\[0\] \(_ga\) lives 3y, longer than the 26mo its category "analytics" allows/);
  });

  it('throws for a bad revision, storage kind, category name or cookie name', () => {
    expect(
      define((c) => {
        c.revision = 1.5;
      }),
    ).toThrowError(/revision must be a whole number/);
    expect(
      define((c) => {
        c.services = { x: { category: 'analytics', storage: [{ name: 'k', kind: 'indexedDB', lifetime: '1d' }] } };
      }),
    ).toThrowError(/kind must be one of cookie, localStorage, sessionStorage/);
    expect(
      define((c) => {
        c.categories['bad name'] = { lifetime: { min: '1d', max: '2d' } };
      }),
    ).toThrowError(/categories\["bad name"\]: a category name must start with a letter/);
    expect(
      define((c) => {
        c.cookie = { name: 'a;b' };
      }),
    ).toThrowError(/cookie\.name "a;b" is not a valid cookie name/);
    expect(
      define((c) => {
        c.cookie = { name: 'n'.repeat(257) };
      }),
    ).toThrowError(/cookie\.name has 257 characters, more than the 256 a cookie name may have/);
    expect(
      define((c) => {
        c.cookie = { name: 42 };
      }),
    ).toThrowError(/cookie\.name 42 is not a valid cookie name/);
    expect(
      define((c) => {
        c.categories = {};
      }),
    ).toThrowError(/at least one category/);
  });

  it('throws for a storage name the browser would read as another name, naming the item', () => {
    const item =
      (name: unknown, kind = 'cookie') =>
      () =>
        definePolicy({
          ...base,
          services: { x: { category: 'analytics', storage: [{ name, kind, lifetime: '1d' }] } },
        } as typeof base);
    for (const name of ['a=b', 'a;b', ' lead', 'trail ', 'a b', 'a,b', 'é']) {
      expect(item(name)).toThrowError(
        `definePolicy: services.x.storage[0].name ${JSON.stringify(name)} is not a cookie name: use letters, digits and`,
      );
    }
    for (const name of [' lead', 'trail ', 'a\u0000b', 'a\nb', '\ud800x']) {
      expect(item(name, 'localStorage')).toThrowError(
        `definePolicy: services.x.storage[0].name ${JSON.stringify(name)} is not a localStorage key this policy can declare`,
      );
    }
    expect(item('', 'sessionStorage')).toThrowError(/services\.x\.storage\[0\]\.name must be a non-empty string/);
    expect(item('n'.repeat(257))).toThrowError(
      /services\.x\.storage\[0\]\.name has 257 characters, more than the 256 a storage name may have/,
    );
    // Any other text is a Web Storage key, and * matches any run of characters in both kinds.
    for (const [name, kind] of [
      ['a=b; c', 'localStorage'],
      ['ostoskori 🛒', 'sessionStorage'],
      ['_ga_*', 'cookie'],
      ["!#$%&'*+-.^_`|~", 'cookie'],
    ]) {
      expect(item(name, kind)).not.toThrow();
    }
  });

  it('throws when a storage name belongs to two categories, which refusing either would delete', () => {
    const twice = (first: string, second: string) => () =>
      definePolicy({
        ...base,
        services: {
          login: { category: 'necessary', storage: [{ name: first, kind: 'cookie', lifetime: '1d' }] },
          ads: { category: 'analytics', storage: [{ name: second, kind: 'cookie', lifetime: '1d' }] },
        },
      });
    expect(twice('session_id', '*')).toThrowError(
      'definePolicy: services.ads.storage[0].name "*" (cookie, category "analytics") also names what services.login.storage[0].name "session_id" declares for category "necessary"',
    );
    expect(twice('_ga', '_ga')).toThrowError(/services\.ads\.storage\[0\]\.name "_ga"/);
    expect(twice('_a*', '*b')).toThrowError(/"\*b" .* also names what .* "_a\*"/);
    expect(twice('_a*', '_b*')).not.toThrow();
    expect(twice('id_*_x', 'id_*_y')).not.toThrow();
    // In one category, or of different kinds, a name may be declared again.
    expect(() =>
      definePolicy({
        ...base,
        services: {
          ga: { category: 'analytics', storage: [{ name: '_ga*', kind: 'cookie', lifetime: '1d' }] },
          gtm: {
            category: 'analytics',
            storage: [
              { name: '_ga', kind: 'cookie', lifetime: '1d' },
              { name: '_ga', kind: 'localStorage', lifetime: '1d' },
            ],
          },
          login: { category: 'necessary', storage: [{ name: '_ga', kind: 'sessionStorage', lifetime: '1d' }] },
        },
      }),
    ).not.toThrow();
  });

  it('throws for a flag that is not true or false, which would be read as the other', () => {
    expect(
      define((c) => {
        c.categories.analytics.thirdParty = 'yes';
      }),
    ).toThrowError(/categories\.analytics\.thirdParty must be true or false, got "yes"/);
    expect(
      define((c) => {
        c.categories.analytics.required = 1;
      }),
    ).toThrowError(/categories\.analytics\.required must be true or false, got 1/);
    expect(
      define((c) => {
        c.services = { x: { category: 'analytics', thirdParty: 'no', storage: [] } };
      }),
    ).toThrowError(/services\.x\.thirdParty must be true or false/);
    expect(
      define((c) => {
        c.cookie = { secure: 'false' };
      }),
    ).toThrowError(/cookie\.secure must be true or false, got "false"/);
  });

  it('throws for a field it does not know, at every level, rather than ignore a misspelt one', () => {
    const cases: [(c: Loose) => void, RegExp][] = [
      // Ignored, this one would make a third-party category first-party: on despite a privacy signal.
      [
        (c) => (c.categories.analytics.thirdparty = true),
        /^definePolicy: categories\.analytics\.thirdparty is not a field/,
      ],
      [(c) => (c.revison = 2), /^definePolicy: revison is not a field of the declaration here \(known: revision, /],
      [(c) => (c.categories.necessary.lifetime.maximum = '1y'), /categories\.necessary\.lifetime\.maximum is not/],
      [
        (c) => (c.services = { ga: { category: 'analytics', storage: [], host: ['x.example'] } }),
        /services\.ga\.host is not a field .*known: category, label, thirdParty, hosts, privacy, storage, onWithdraw/,
      ],
      [
        (c) =>
          (c.services = {
            ga: { category: 'analytics', storage: [{ name: '_ga', kind: 'cookie', lifetime: '1d', expires: '2y' }] },
          }),
        /services\.ga\.storage\[0\]\.expires is not a field/,
      ],
      [(c) => (c.cookie = { samesite: 'None' }), /cookie\.samesite is not a field/],
      [
        (c) => (c.about = { controller: { name: 'A', address: 'B', contact: 'C', vat: 'x' }, updated: '2026-01-01' }),
        /about\.controller\.vat is not a field/,
      ],
      [
        (c) =>
          (c.about = { controller: { name: 'A', address: 'B', contact: 'C' }, updated: '2026-01-01', privacy: '/p' }),
        /about\.privacy is not a field/,
      ],
    ];
    for (const [change, message] of cases) expect(define(change)).toThrowError(message);
    // Every field the declaration knows, all at once, is accepted.
    expect(() => definePolicy(shopPolicyConfigWithEveryField())).not.toThrow();
  });

  it('throws for a required third-party category, which a privacy signal would have to switch off', () => {
    expect(
      define((c) => {
        c.categories.necessary.thirdParty = true;
      }),
    ).toThrowError(/categories\.necessary is both required and thirdParty/);
  });

  it('throws for a service id, label or host that would show as something else, naming it', () => {
    const service =
      (id: string, extra: Loose = {}) =>
      () =>
        definePolicy({ ...base, services: { [id]: { category: 'analytics', storage: [], ...extra } } });
    expect(service('')).toThrowError(/services\[""\]: a service id may not be empty/);
    expect(service(' ga')).toThrowError(
      /services\[" ga"\]: a service id may not be empty, start or end with white space/,
    );
    expect(service('ga', { label: 42 })).toThrowError(/services\.ga\.label 42 must be text/);
    expect(service('ga', { label: '' })).toThrowError(/services\.ga\.label "" must be text that is not empty/);
    expect(service('ga', { label: 'Google\nAnalytics' })).toThrowError(/services\.ga\.label "Google\\nAnalytics"/);
    expect(service('ga', { hosts: 'www.google.com' })).toThrowError(
      /services\.ga\.hosts must be a list of host names, got "www\.google\.com"/,
    );
    expect(service('ga', { hosts: ['www.google.com', 'https://example.com/'] })).toThrowError(
      /services\.ga\.hosts\[1\] "https:\/\/example\.com\/" is not a host name/,
    );
    expect(service('ga', { hosts: [null] })).toThrowError(/services\.ga\.hosts\[0\] null is not a host name/);
    const accepted = service('Google Analytics 4', {
      label: 'Google Analytics',
      hosts: ['www.google.com', '*.doubleclick.net', 'bücher.example', 'localhost:8080'],
    })();
    expect(accepted.services[0]).toMatchObject({ id: 'Google Analytics 4', label: 'Google Analytics' });
    expect(service('ga')().services[0]?.label).toBe('ga');
  });

  it('throws for cookie attributes that would break the consent cookie, naming them', () => {
    const cookie = (options: unknown) => () => definePolicy({ ...base, cookie: options } as typeof base);
    expect(cookie('cookie_consent')).toThrowError(/cookie must be an object, got "cookie_consent"/);
    expect(cookie({ path: '/; Domain=evil.example' })).toThrowError(
      /cookie\.path "\/; Domain=evil\.example" must be printable ASCII without ";" or white space/,
    );
    expect(cookie({ path: '/my shop' })).toThrowError(/cookie\.path "\/my shop" must be printable ASCII/);
    expect(cookie({ path: 42 })).toThrowError(/cookie\.path must start with "\/", got 42/);
    expect(cookie({ path: `/${'p'.repeat(1024)}` })).toThrowError(/1024 characters at most/);
    expect(cookie({ domain: 'shop.example; Secure' })).toThrowError(
      /cookie\.domain "shop\.example; Secure" must be a host name/,
    );
    expect(cookie({ domain: 'https://shop.example' })).toThrowError(/cookie\.domain "https:\/\/shop\.example"/);
    expect(cookie({ sameSite: 'None', secure: false })).toThrowError(/cookie\.sameSite None needs a Secure cookie/);
    expect(cookie({ name: '__Secure-consent', secure: false })).toThrowError(
      /cookie\.name "__Secure-consent" needs a Secure cookie/,
    );
    expect(cookie({ name: '__Host-consent', domain: 'shop.example' })).toThrowError(
      /cookie\.name "__Host-consent" needs cookie\.path "\/" and no cookie\.domain/,
    );
    expect(cookie({ name: '__host-consent', path: '/shop' })).toThrowError(/needs cookie\.path "\/"/);
    expect(cookie({ name: '__Host-consent', domain: undefined, path: '/', sameSite: 'None' })).not.toThrow();
    expect(cookie({ domain: '.shop.example', path: '/fi/%C3%A4', secure: true })().cookie).toEqual({
      name: 'cookie_consent',
      path: '/fi/%C3%A4',
      sameSite: 'Lax',
      domain: '.shop.example',
      secure: true,
    });
  });

  it('names the field of a duration that cannot even be shown', () => {
    expect(
      define((c) => {
        c.categories.analytics.lifetime.min = 10n;
      }),
    ).toThrowError(/categories\.analytics\.lifetime\.min: bigint is not a duration/);
  });

  it('throws PolicyError instances', () => {
    expect(
      define((c) => {
        c.categories.necessary.required = false;
      }),
    ).toThrowError(PolicyError);
  });
});

describe('matchesStorageName', () => {
  it('matches exact names and * wildcards, and nothing else', () => {
    expect(matchesStorageName('_ga', '_ga')).toBe(true);
    expect(matchesStorageName('_ga', '_gat')).toBe(false);
    expect(matchesStorageName('_ga_*', '_ga_ABC123')).toBe(true);
    expect(matchesStorageName('_ga_*', '_ga')).toBe(false);
    expect(matchesStorageName('a.b*', 'axb1')).toBe(false);
    expect(matchesStorageName('*', '')).toBe(true);
    expect(matchesStorageName('a*b*c', 'aXbYbZc')).toBe(true);
    expect(matchesStorageName('a*b*c', 'aXbYbZ')).toBe(false);
    expect(matchesStorageName('*_id', 'x_id_id')).toBe(true);
  });

  it('matches a key that holds a line break', () => {
    expect(matchesStorageName('draft_*', 'draft_line 1\nline 2')).toBe(true);
  });

  it('refuses a long key at once, however many wildcards the name has', () => {
    const started = performance.now();
    expect(matchesStorageName('_*_*_*_*_*x', '_'.repeat(120))).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('given who stands behind the policy', () => {
  const base = {
    revision: 1,
    categories: { necessary: { required: true, lifetime: { min: '1h', max: '1y' } } },
  } as const;

  it('keeps it as declared', () => {
    const policy = definePolicy({
      ...base,
      about: {
        controller: { name: 'Pine & Paper Oy', address: 'Paperikatu 2, Turku', contact: 'hello@pine.example' },
        updated: '2026-11-30',
        privacyPolicy: '/privacy',
      },
    });
    expect(policy.about).toEqual({
      controller: { name: 'Pine & Paper Oy', address: 'Paperikatu 2, Turku', contact: 'hello@pine.example' },
      updated: '2026-11-30',
      privacyPolicy: '/privacy',
    });
  });

  it.each([
    [{ controller: { name: 'X', address: 'Y', contact: 'Z' }, updated: 'yesterday' }, 'about.updated'],
    [{ controller: { name: '', address: 'Y', contact: 'Z' }, updated: '2026-11-30' }, 'about.controller.name'],
    [
      {
        controller: { name: 'X', address: 'Y', contact: 'Z' },
        updated: '2026-11-30',
        privacyPolicy: 'javascript:alert(1)',
      },
      'about.privacyPolicy',
    ],
  ])('refuses %j, naming %s', (about, field) => {
    expect(() => definePolicy({ ...base, about } as never)).toThrow(field);
  });

  it('refuses a partner’s privacy address that is not https', () => {
    expect(() =>
      definePolicy({
        ...base,
        services: { tag: { category: 'necessary', privacy: 'http://tag.example/privacy', storage: [] } },
      }),
    ).toThrow('services.tag.privacy');
  });
});

/** A declaration that uses every field there is, each once. */
function shopPolicyConfigWithEveryField() {
  return {
    revision: 3,
    consentMaxAge: '6mo',
    categories: {
      necessary: { required: true, thirdParty: false, lifetime: { min: '1h', max: '1y' } },
      ads: { required: false, thirdParty: true, lifetime: { min: '1h', max: '1y' } },
    },
    services: {
      pixel: {
        category: 'ads',
        label: 'Pixel',
        thirdParty: true,
        hosts: ['pixel.example'],
        privacy: 'https://pixel.example/privacy',
        storage: [{ name: 'px', kind: 'cookie', lifetime: '30d', party: 'third' }],
      },
    },
    cookie: { name: 'consent', domain: 'shop.example', path: '/', sameSite: 'Lax', secure: true },
    about: {
      controller: { name: 'Shop Oy', businessId: '1234567-8', address: 'Street 1', contact: 'a@shop.example' },
      updated: '2026-12-01',
      privacyPolicy: '/privacy',
    },
  } as const;
}

describe('plain text, a host name: the characters refused', () => {
  // The checks name control characters and surrogates by their ranges; these are Unicode's own classes.
  const refusedByUnicode = (text: string) => /[\p{Cc}\p{Cs}]/u.test(text) || /^\s|\s$/u.test(text);
  const keyIsAccepted = (name: string) => {
    try {
      definePolicy({
        ...base,
        services: { x: { category: 'analytics', storage: [{ name, kind: 'localStorage', lifetime: '1d' }] } },
      });
      return true;
    } catch {
      return false;
    }
  };
  const hostIsAccepted = (host: string) => {
    try {
      definePolicy({ ...base, services: { x: { category: 'analytics', hosts: [host], storage: [] } } });
      return true;
    } catch {
      return false;
    }
  };

  it('a Web Storage key and a host are refused exactly where they hold a control character or half a surrogate pair, for every character of the first planes and beyond', () => {
    const characters = [
      ...Array.from({ length: 0x3100 }, (_, code) => String.fromCharCode(code)),
      ...Array.from({ length: 0x800 }, (_, at) => String.fromCharCode(0xd800 + at)),
      '😀',
      '\u{10ffff}',
      '\ud83d\ude00',
    ];
    for (const character of characters) {
      for (const text of [`a${character}b`, character]) {
        expect(keyIsAccepted(text), JSON.stringify(text)).toBe(!refusedByUnicode(text));
        if (!/[\s/?#@\\]/.test(text)) expect(hostIsAccepted(text), JSON.stringify(text)).toBe(!refusedByUnicode(text));
      }
    }
  });
});
