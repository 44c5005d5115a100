import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { consentModeBridge, googleConsentState } from '../../src/core/consent-mode';
import { createConsentStore } from '../../src/core/consent-store';
import { definePolicy } from '../../src/core/policy';

type Win = Window & { dataLayer?: unknown[]; gtag?: unknown } & Record<string, unknown>;
const win = window as unknown as Win;
const stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  delete win.dataLayer;
  delete win.gtag;
  delete win['ga-disable-G-TEST123'];
  for (const script of [...document.scripts]) script.remove();
});

const newStore = () => createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } });

function attach(store = newStore(), options: Parameters<typeof consentModeBridge>[1] = { measurementId: 'G-TEST123' }) {
  stops.push(consentModeBridge(store, options));
  return store;
}

/** The shop's policy declares `_ga` and `_ga_*` for 24 months: 2 x 365.2425 days, in seconds. */
const GA_COOKIE_SECONDS = 63_113_904;

/** The dataLayer as plain arrays, after checking that each entry is an arguments object. */
function entries(): unknown[][] {
  return (win.dataLayer ?? []).map((entry) => {
    expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    return Array.from(entry as ArrayLike<unknown>);
  });
}

const updates = () => entries().filter(([command, kind]) => command === 'consent' && kind === 'update');
const tagScripts = () =>
  [...document.scripts].filter((script) => script.src.startsWith('https://www.googletagmanager.com/'));

const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  personalization_storage: 'denied',
};

describe('given an undecided visitor', () => {
  it('pushes consent default with everything denied but security storage, as the first entry, and redacts ads data', () => {
    attach();
    expect(entries()).toEqual([
      ['consent', 'default', { ...ALL_DENIED, security_storage: 'granted' }],
      ['set', 'ads_data_redaction', true],
    ]);
  });

  it('inserts no Google tag and sends no update', () => {
    attach();
    expect(tagScripts()).toEqual([]);
    expect(updates()).toEqual([]);
  });

  it('defines gtag as the function that pushes arguments objects', () => {
    attach();
    (win.gtag as (...args: unknown[]) => void)('event', 'page_view');
    expect(entries().at(-1)).toEqual(['event', 'page_view']);
  });
});

describe('given an undecided visitor who then accepts all', () => {
  it('sends an update granting every type, then loads gtag.js with js and config after the default', () => {
    const store = attach();
    const inserted: unknown[][][] = [];
    const append = document.head.appendChild.bind(document.head);
    vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
      inserted.push(entries());
      return append(node);
    });
    store.acceptAll();

    expect(updates()).toEqual([
      [
        'consent',
        'update',
        {
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
          analytics_storage: 'granted',
          personalization_storage: 'granted',
        },
      ],
    ]);
    expect(tagScripts().map((script) => script.src)).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
    expect(tagScripts()[0]?.async).toBe(true);
    // When the tag was inserted, the denied default was already the first entry of the dataLayer.
    expect(inserted[0]?.[0]?.slice(0, 2)).toEqual(['consent', 'default']);
    const commands = entries().map(([command]) => command);
    expect(commands.indexOf('config')).toBeGreaterThan(0);
    expect(entries().find(([command]) => command === 'config')).toEqual([
      'config',
      'G-TEST123',
      { cookie_expires: GA_COOKIE_SECONDS, allow_google_signals: true, allow_ad_personalization_signals: true },
    ]);
  });
});

describe('the lifetime of the tag’s own cookies', () => {
  it('is the policy’s declared one, and a longer cookie_expires of the shop’s config is shortened to it', () => {
    const store = attach(undefined, { measurementId: 'G-TEST123', config: { cookie_expires: 10 * GA_COOKIE_SECONDS } });
    store.save({ analytics: true });
    expect(entries().find(([command]) => command === 'config')?.[2]).toMatchObject({
      cookie_expires: GA_COOKIE_SECONDS,
    });
  });

  it('keeps a shorter cookie_expires of the shop’s config', () => {
    const store = attach(undefined, { measurementId: 'G-TEST123', config: { cookie_expires: 3600 } });
    store.save({ analytics: true });
    expect(entries().find(([command]) => command === 'config')?.[2]).toMatchObject({ cookie_expires: 3600 });
  });
});

describe('given a visitor who grants analytics but not marketing', () => {
  it('loads the tag with Google signals and ad personalization off', () => {
    const store = attach();
    store.save({ analytics: true });
    expect(tagScripts()).toHaveLength(1);
    expect(entries().find(([command]) => command === 'config')?.[2]).toEqual({
      cookie_expires: GA_COOKIE_SECONDS,
      allow_google_signals: false,
      allow_ad_personalization_signals: false,
    });
    expect(updates().at(-1)?.[2]).toEqual({ ...ALL_DENIED, analytics_storage: 'granted' });
  });
});

describe('given a visitor who grants only marketing', () => {
  it('updates the ad types but still loads no Google tag', () => {
    const store = attach();
    store.save({ marketing: true });
    expect(updates().at(-1)?.[2]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'denied' });
    expect(tagScripts()).toEqual([]);
  });
});

describe('given a visitor who withdraws analytics', () => {
  it('sends analytics_storage denied and stops the loaded tag from sending', () => {
    const store = attach();
    store.acceptAll();
    expect(win['ga-disable-G-TEST123']).toBe(false);
    store.save({ analytics: false });
    expect(updates().at(-1)?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'granted' });
    expect(win['ga-disable-G-TEST123']).toBe(true);
    expect(tagScripts()).toHaveLength(1);
  });
});

describe('given a visitor who decided on an earlier page', () => {
  it('sends the stored state as an update right after the default, and loads the tag', () => {
    newStore().save({ analytics: true });
    attach();
    expect(entries().slice(0, 3)).toEqual([
      ['consent', 'default', { ...ALL_DENIED, security_storage: 'granted' }],
      ['set', 'ads_data_redaction', true],
      ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted' }],
    ]);
    expect(tagScripts()).toHaveLength(1);
  });

  it('sends the stored refusal as an update too', () => {
    newStore().rejectAll();
    attach();
    expect(updates()).toEqual([['consent', 'update', ALL_DENIED]]);
    expect(tagScripts()).toEqual([]);
  });
});

describe('attached twice (a remount)', () => {
  it('pushes one default and inserts one tag', () => {
    const store = newStore();
    store.acceptAll();
    consentModeBridge(store, { measurementId: 'G-TEST123' })();
    attach(store);
    expect(entries().filter(([, kind]) => kind === 'default')).toHaveLength(1);
    expect(entries().filter(([command]) => command === 'config')).toHaveLength(1);
    expect(tagScripts()).toHaveLength(1);
  });
});

describe('options', () => {
  it('puts the CSP nonce on the inserted script', () => {
    const store = attach(newStore(), { measurementId: 'G-TEST123', nonce: 'r4nd0m' });
    store.acceptAll();
    expect(tagScripts()[0]?.getAttribute('nonce')).toBe('r4nd0m');
  });

  it('without a measurement id only keeps the consent state', () => {
    const store = attach(newStore(), {});
    store.acceptAll();
    expect(updates()).toHaveLength(1);
    expect(tagScripts()).toEqual([]);
  });

  it('refuses an id that is not a Google tag id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = attach(newStore(), { measurementId: '"><img src=x>' });
    store.acceptAll();
    expect(tagScripts()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('is not a Google tag id'));
  });

  it('once detached, the loaded tag sends nothing more, and attaching again lets it send', () => {
    const store = newStore();
    store.acceptAll();
    consentModeBridge(store, { measurementId: 'G-TEST123' })();
    expect(tagScripts()).toHaveLength(1);
    expect(win['ga-disable-G-TEST123']).toBe(true);
    attach(store);
    expect(win['ga-disable-G-TEST123']).toBe(false);
  });

  it('stops sending updates once detached', () => {
    const store = newStore();
    consentModeBridge(store, {})();
    store.acceptAll();
    expect(updates()).toEqual([]);
  });
});

describe('given a shop whose categories have other names', () => {
  const policy = definePolicy({
    revision: 1,
    categories: {
      essential: { required: true, lifetime: { min: '1d', max: '1y' } },
      statistics: { lifetime: { min: '1d', max: '1y' } },
      ads: { lifetime: { min: '1d', max: '1y' } },
    },
  });
  const mapping = {
    statistics: ['analytics_storage'],
    ads: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  } as const;

  it('follows the configured mapping', () => {
    const store = createConsentStore(policy, { sync: false });
    stops.push(consentModeBridge(store, { measurementId: 'G-TEST123', mapping }));
    store.save({ statistics: true });
    expect(updates().at(-1)?.[2]).toEqual({ ...ALL_DENIED, analytics_storage: 'granted' });
    expect(tagScripts()).toHaveLength(1);
  });

  it('warns about a default mapping that names none of its categories, and grants nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createConsentStore(policy, { sync: false });
    stops.push(consentModeBridge(store, { measurementId: 'G-TEST123' }));
    store.acceptAll();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"analytics", which is not a category'));
    // Nothing is granted, so Google's state stays the denied default and no tag loads.
    expect(updates()).toEqual([]);
    expect(tagScripts()).toEqual([]);
  });
});

describe('googleConsentState', () => {
  it('grants a type only while every category mapped to it is granted', () => {
    const mapping = { analytics: ['analytics_storage'], marketing: ['analytics_storage'] } as const;
    expect(googleConsentState({ analytics: true, marketing: false }, mapping).analytics_storage).toBe('denied');
    expect(googleConsentState({ analytics: true, marketing: true }, mapping).analytics_storage).toBe('granted');
  });
});
