import { describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import * as changes from '../../src/core/consent-changes';
import type { ConsentRecord } from '../../src/core/consent-record';
import { createConsentStore } from '../../src/core/consent-store';
import type { ConsentStoreOptions } from '../../src/core/consent-store-types';
import { createStore } from '../../src/core/create-store';
import { lazyPart } from '../../src/core/lazy-module';
import { type ConsentPersistence, memoryPersistence } from '../../src/core/persistence';
import { definePolicy } from '../../src/core/policy';
import { NO_SIGNALS } from '../../src/core/signals';
import type { SyncMessage, SyncTransport } from '../../src/core/sync';
import { bumpedPolicy, grownPolicy } from './policy-changes';

type C = (typeof shopPolicy.categoryNames)[number];
const START = Date.UTC(2026, 0, 15, 9, 30);

function clock(start = START) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function setup(options: ConsentStoreOptions<C> = {}, policy = shopPolicy) {
  const time = clock();
  const storage = memoryPersistence();
  const decisions: ConsentRecord<C>[] = [];
  const store = createConsentStore(policy as typeof shopPolicy, {
    storage,
    now: time.now,
    sync: false,
    signals: { gpc: false, dnt: false },
    onDecision: (record) => decisions.push(record),
    ...options,
  });
  return { store, storage, time, decisions };
}

const OPTIONAL_OFF = { necessary: true, personalization: false, analytics: false, marketing: false };
const ALL_ON = { necessary: true, personalization: true, analytics: true, marketing: true };

describe('a new visitor', () => {
  it('is undecided, with every optional category off and the required one on', () => {
    const { store } = setup();
    expect(store.getSnapshot()).toEqual({
      status: 'undecided',
      choices: OPTIONAL_OFF,
      record: null,
      signals: { gpc: false, dnt: false },
    });
  });

  it('gets the same snapshot object while nothing changes', () => {
    const { store } = setup();
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    expect(Object.isFrozen(store.getSnapshot())).toBe(true);
  });
});

describe('decisions', () => {
  it('accept all grants every category, stores the record and notifies once', () => {
    const { store, storage, decisions } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    store.acceptAll();
    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('decided');
    expect(snapshot.choices).toEqual(ALL_ON);
    expect(snapshot.record).toMatchObject({
      revision: 1,
      action: 'accept-all',
      decidedAt: new Date(START).toISOString(),
    });
    expect(Date.parse(snapshot.record!.expiresAt) - START).toBe(shopPolicy.consentMaxAge);
    expect(storage.read()).toMatch(/^1\./);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ action: 'accept-all', choices: ALL_ON });
  });

  it('reject all leaves only the required category on and is remembered', () => {
    const { store, storage, time } = setup();
    store.rejectAll();
    expect(store.getSnapshot()).toMatchObject({ status: 'decided', choices: OPTIONAL_OFF });
    const next = createConsentStore(shopPolicy, { storage, now: time.now, sync: false, signals: {} });
    expect(next.getSnapshot()).toMatchObject({
      status: 'decided',
      choices: OPTIONAL_OFF,
      record: { action: 'reject-all' },
    });
  });

  it('save sets the named categories and keeps the others', () => {
    const { store } = setup();
    store.save({ analytics: true });
    expect(store.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, analytics: true });
    expect(store.getSnapshot().record?.action).toBe('custom');
    store.save({ personalization: true });
    expect(store.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, analytics: true, personalization: true });
  });

  it('saving with nothing switched on gives exactly the state of reject all', () => {
    const a = setup();
    const b = setup();
    a.store.save({ personalization: false, analytics: false, marketing: false });
    b.store.rejectAll();
    const { record: ra, ...sa } = a.store.getSnapshot();
    const { record: rb, ...sb } = b.store.getSnapshot();
    expect(sa).toEqual(sb);
    expect(ra?.action).toBe(rb?.action);
  });

  it('ignores saving a required category as false: it stays true', () => {
    const { store } = setup();
    store.save({ necessary: false, analytics: true });
    expect(store.getSnapshot().choices.necessary).toBe(true);
    store.rejectAll();
    expect(store.getSnapshot().choices.necessary).toBe(true);
  });

  it('grants only on a literal true, and ignores names that are not categories', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { store } = setup();
    store.save({ analytics: 'yes', marketing: 1, tracking: true } as never);
    expect(store.getSnapshot().choices).toEqual(OPTIONAL_OFF);
    expect(store.getSnapshot().choices).not.toHaveProperty('tracking');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"tracking"'));
  });

  it('save keeps the choice of a category named like a method of every object when it does not name it', () => {
    const lifetime = { min: '30s', max: '26mo' } as const;
    const policy = definePolicy({
      revision: 1,
      categories: {
        necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
        constructor: { lifetime },
        toString: { lifetime },
        valueOf: { lifetime },
        hasOwnProperty: { lifetime },
      },
    });
    const store = createConsentStore(policy, { storage: memoryPersistence(), sync: false, signals: {} });
    store.acceptAll();
    store.save({});
    expect(store.getSnapshot().choices).toEqual({
      necessary: true,
      constructor: true,
      toString: true,
      valueOf: true,
      hasOwnProperty: true,
    });
    store.save({ toString: false });
    expect(store.getSnapshot().choices).toMatchObject({ constructor: true, toString: false, valueOf: true });
  });

  it('a change that changes nothing notifies no one and records nothing', () => {
    const { store, decisions } = setup();
    store.acceptAll();
    const before = store.getSnapshot();
    const listener = vi.fn();
    store.subscribe(listener);
    store.acceptAll();
    store.save({ analytics: true });
    expect(store.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    expect(decisions).toHaveLength(1);
  });

  it('records turning a granted category off as a withdrawal, with the same consent id', () => {
    const { store, decisions } = setup();
    store.acceptAll();
    store.save({ marketing: false });
    expect(decisions.map((d) => d.action)).toEqual(['accept-all', 'withdraw']);
    expect(decisions[1]?.id).toBe(decisions[0]?.id);
    store.rejectAll();
    expect(decisions[2]?.action).toBe('withdraw');
  });

  it('adds the language and text hash the UI reports to the decision record, never to the cookie', () => {
    const { store, storage, decisions } = setup();
    store.setRecordContext({ language: 'fi', textHash: 'ab'.repeat(32) });
    store.acceptAll();
    expect(decisions[0]).toMatchObject({ language: 'fi', textHash: 'ab'.repeat(32) });
    expect(storage.read()).not.toContain('fi');
    expect(store.getSnapshot().record).not.toHaveProperty('language');
  });

  it('keeps the decision when onDecision throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store } = setup({
      onDecision: () => {
        throw new Error('log server down');
      },
    });
    expect(() => store.acceptAll()).not.toThrow();
    expect(store.getSnapshot().status).toBe('decided');
    expect(error).toHaveBeenCalled();
  });

  it('a subscriber that throws stops neither the others, nor the decision, its record or its message to other tabs', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const post = vi.fn<SyncTransport['post']>();
    const { store, storage, decisions } = setup({ sync: { post, listen: () => () => {} } });
    store.subscribe(() => {
      throw new Error('a broken widget');
    });
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.acceptAll()).not.toThrow();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.read()).toMatch(/^1\./);
    expect(decisions).toHaveLength(1);
    expect(post).toHaveBeenCalledWith({ value: storage.read() });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('subscriber'), expect.any(Error));
  });
});

describe('reset', () => {
  it('forgets the decision, clears storage and notifies; a second reset notifies no one', () => {
    const { store, storage, decisions } = setup();
    store.acceptAll();
    const listener = vi.fn();
    store.subscribe(listener);
    store.reset();
    expect(store.getSnapshot()).toMatchObject({ status: 'undecided', choices: OPTIONAL_OFF, record: null });
    expect(storage.read()).toBeNull();
    store.reset();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(decisions).toHaveLength(1);
  });

  it('after a reset, the next decision gets a new consent id', () => {
    const { store, decisions } = setup();
    store.acceptAll();
    store.reset();
    store.acceptAll();
    expect(decisions[1]?.id).not.toBe(decisions[0]?.id);
  });
});

describe('expiry, revisions and new categories', () => {
  it('asks again at exactly consentMaxAge after the decision, and not a millisecond before', () => {
    const { store, storage, time } = setup();
    store.rejectAll();
    time.advance(shopPolicy.consentMaxAge - 1);
    expect(store.getSnapshot().status).toBe('decided');
    expect(createConsentStore(shopPolicy, { storage, now: time.now, sync: false }).getSnapshot().status).toBe(
      'decided',
    );
    time.advance(1);
    expect(store.getSnapshot().status).toBe('undecided');
    expect(createConsentStore(shopPolicy, { storage, now: time.now, sync: false }).getSnapshot().status).toBe(
      'undecided',
    );
  });

  it('notifies subscribers when a choice expires while the page is open', async () => {
    vi.useFakeTimers({ now: START });
    try {
      const store = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false, signals: {} });
      store.acceptAll();
      const listener = vi.fn();
      store.subscribe(listener);
      await vi.advanceTimersByTimeAsync(shopPolicy.consentMaxAge);
      expect(listener).toHaveBeenCalled();
      expect(store.getSnapshot().status).toBe('undecided');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again when the policy revision is bumped', () => {
    const { store, storage, time } = setup();
    store.acceptAll();
    expect(createConsentStore(bumpedPolicy, { storage, now: time.now, sync: false }).getSnapshot()).toMatchObject({
      status: 'undecided',
      choices: OPTIONAL_OFF,
    });
  });

  it('asks again when a category is added to the policy', () => {
    const { store, storage, time } = setup();
    store.acceptAll();
    const snapshot = createConsentStore(grownPolicy, { storage, now: time.now, sync: false }).getSnapshot();
    expect(snapshot.status).toBe('undecided');
    expect(snapshot.choices).toEqual({ ...OPTIONAL_OFF, social: false });
  });
});

describe('privacy signals', () => {
  it.each([
    ['Global Privacy Control', { gpc: true, dnt: false }],
    ['Do Not Track', { gpc: false, dnt: true }],
  ])('with %s on, accept all leaves the third-party categories off', (_name, signals) => {
    const { store, decisions } = setup({ signals });
    store.acceptAll();
    expect(store.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, personalization: true });
    expect(store.getSnapshot().signals).toEqual(signals);
    expect(decisions[0]?.signals).toEqual(signals);
  });

  it('with a signal on, an explicit save turns a third-party category on', () => {
    const { store } = setup({ signals: { gpc: true } });
    store.save({ marketing: true });
    expect(store.getSnapshot().choices.marketing).toBe(true);
  });

  describe('given a visitor who accepted all before turning a signal on (I33)', () => {
    it.each([
      ['Global Privacy Control', { gpc: true }],
      ['Do Not Track', { dnt: true }],
    ])(
      'with %s on now, the third-party categories read as not granted; the stored decision is kept',
      (_name, signals) => {
        const { store, storage, time, decisions } = setup();
        store.acceptAll();
        const later = createConsentStore(shopPolicy, { storage, now: time.now, sync: false, signals });
        expect(later.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, personalization: true });
        expect(later.getSnapshot().record?.choices).toEqual(ALL_ON);
        // Not a decision: no record is made for a signal.
        expect(decisions).toHaveLength(1);
        // With the signal off again, the decision reads as it was made.
        expect(
          createConsentStore(shopPolicy, { storage, now: time.now, sync: false, signals: {} }).getSnapshot().choices,
        ).toEqual(ALL_ON);
      },
    );

    it('a third-party category switched on while a signal was on stays on while it is', () => {
      const { store, storage, time } = setup({ signals: { gpc: true } });
      store.save({ marketing: true });
      const later = createConsentStore(shopPolicy, { storage, now: time.now, sync: false, signals: { dnt: true } });
      expect(later.getSnapshot().choices.marketing).toBe(true);
    });

    it('a refresh that finds a signal turned on withholds them at once, and tells the subscribers', () => {
      let signals = { gpc: false, dnt: false };
      const { store } = setup({ signals: () => signals });
      store.acceptAll();
      const listener = vi.fn();
      store.subscribe(listener);
      signals = { gpc: true, dnt: false };
      store.refresh();
      expect(store.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, personalization: true });
      expect(listener).toHaveBeenCalled();
    });
  });

  it('reads the signals from the browser when the store is created, not when the module loaded', () => {
    const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
    const first = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false });
    expect(first.getSnapshot().signals).toEqual({ gpc: false, dnt: false });
    Object.defineProperty(nav, 'globalPrivacyControl', { value: true, configurable: true });
    Object.defineProperty(nav, 'doNotTrack', { value: '1', configurable: true });
    try {
      const second = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false });
      expect(second.getSnapshot().signals).toEqual({ gpc: true, dnt: true });
      second.acceptAll();
      expect(second.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, personalization: true });
    } finally {
      Object.defineProperty(nav, 'globalPrivacyControl', { value: undefined, configurable: true });
      Object.defineProperty(nav, 'doNotTrack', { value: null, configurable: true });
    }
  });

  it.each([
    ['absent', undefined],
    ["'0'", '0'],
    ['null', null],
    ["'unspecified'", 'unspecified'],
    ["'yes' (a spelling of browsers that cannot run this code)", 'yes'],
  ])('a Do Not Track value that is %s is no signal and grants nothing', (_name, value) => {
    Object.defineProperty(navigator, 'doNotTrack', { value, configurable: true });
    try {
      const store = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false });
      expect(store.getSnapshot()).toMatchObject({ signals: { dnt: false }, choices: OPTIONAL_OFF });
    } finally {
      Object.defineProperty(navigator, 'doNotTrack', { value: null, configurable: true });
    }
  });
});

describe('storage that fails', () => {
  const throwing: ConsentPersistence = {
    read: () => {
      throw new Error('SecurityError: cookies are disabled');
    },
    write: () => {
      throw new Error('QuotaExceededError');
    },
    clear: () => {
      throw new Error('SecurityError');
    },
  };

  it('when storage throws on read and write, the store works in memory and nothing escapes', () => {
    const { store } = setup({ storage: throwing });
    expect(store.getSnapshot().status).toBe('undecided');
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.save({ analytics: true })).not.toThrow();
    expect(store.getSnapshot().choices.analytics).toBe(true);
    expect(() => store.refresh()).not.toThrow();
    expect(store.getSnapshot().choices.analytics).toBe(true);
    expect(() => store.reset()).not.toThrow();
    expect(store.getSnapshot().status).toBe('undecided');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('when storage silently drops writes (cookies disabled), the decision still holds for the page', () => {
    const dropping: ConsentPersistence = { read: () => null, write: () => {}, clear: () => {} };
    const { store } = setup({ storage: dropping });
    store.acceptAll();
    store.refresh();
    expect(store.getSnapshot()).toMatchObject({ status: 'decided', choices: ALL_ON });
  });
});

describe('the consent cookie', () => {
  it('is written first-party, on Path=/, SameSite=Lax, with Max-Age equal to consentMaxAge', () => {
    const writes: string[] = [];
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => descriptor.get!.call(document),
      set: (value: string) => {
        writes.push(value);
        descriptor.set!.call(document, value);
      },
    });
    try {
      const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
      store.rejectAll();
      // Variants on other Paths and Domains are deleted first (Max-Age=0); then the cookie is written.
      expect(writes.find((write) => !write.includes('Max-Age=0;'))).toMatch(
        new RegExp(
          `^cookie_consent=1\\.[^;]+; Max-Age=${Math.floor(shopPolicy.consentMaxAge / 1000)}; Path=/; SameSite=Lax$`,
        ),
      );
      expect(document.cookie).toContain('cookie_consent=1.');
      expect(createConsentStore(shopPolicy, { sync: false }).getSnapshot().status).toBe('decided');
      store.reset();
      expect(writes.at(-1)).toMatch(/^cookie_consent=; Max-Age=0; Path=\/; SameSite=Lax$/);
      expect(document.cookie).not.toContain('cookie_consent');
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
  });

  it('adds Secure on https pages', async () => {
    const { cookiePersistence } = await import('../../src/core/cookie-persistence');
    const { serializeCookie } = await import('../../src/core/cookie');
    expect(serializeCookie('cookie_consent', 'v', { maxAge: 1000, secure: true })).toBe(
      'cookie_consent=v; Max-Age=1; Path=/; SameSite=Lax; Secure',
    );
    const location = vi
      .spyOn(window, 'location', 'get')
      .mockReturnValue({ protocol: 'https:', hostname: 'shop.example', pathname: '/' } as Location);
    const writes: string[] = [];
    vi.spyOn(document, 'cookie', 'set').mockImplementation((value) => void writes.push(value));
    cookiePersistence(shopPolicy).write('v', 60_000);
    // Other variants are deleted first; the consent cookie itself is written last.
    expect(writes.at(-1)).toBe('cookie_consent=v; Max-Age=60; Path=/; SameSite=Lax; Secure');
    expect(writes.slice(0, -1).every((write) => write.includes('Max-Age=0') && write.endsWith('Secure'))).toBe(true);
    location.mockRestore();
  });
});

describe('across tabs', () => {
  function bus() {
    const handlers = new Set<(message: SyncMessage) => void>();
    return (): SyncTransport => {
      const mine = new Set<(message: SyncMessage) => void>();
      return {
        post: (message) => {
          for (const handler of handlers) if (!mine.has(handler)) handler(structuredClone(message));
        },
        listen: (handler) => {
          handlers.add(handler);
          mine.add(handler);
          return () => {
            handlers.delete(handler);
            mine.delete(handler);
          };
        },
      };
    };
  }

  it('with sync: false, a store tells no other store and hears none, even where BroadcastChannel exists', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const a = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false, signals: {} });
    const b = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: false, signals: {} });
    const unsubscribe = b.subscribe(() => {});
    // A third store on the browser's channel: it would hear a post on the channel both would share.
    const c = createConsentStore(shopPolicy, { storage: memoryPersistence(), signals: {} });
    const stop = c.subscribe(() => {});
    a.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.getSnapshot().status).toBe('undecided');
    expect(c.getSnapshot().status).toBe('undecided');
    unsubscribe();
    stop();
  });

  it('a decision in one tab reaches a subscribed store in another, which notifies its subscribers', () => {
    const channel = bus();
    const shared = memoryPersistence();
    const a = createConsentStore(shopPolicy, { storage: shared, sync: channel(), signals: {} });
    const b = createConsentStore(shopPolicy, { storage: shared, sync: channel(), signals: {} });
    const listener = vi.fn();
    b.subscribe(listener);
    a.acceptAll();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(b.getSnapshot()).toMatchObject({ status: 'decided', choices: ALL_ON });
    a.save({ marketing: false });
    expect(b.getSnapshot().choices.marketing).toBe(false);
    a.reset();
    expect(b.getSnapshot().status).toBe('undecided');
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('two stores on a real BroadcastChannel follow each other', async () => {
    const { browserSync } = await import('../../src/core/sync');
    const name = `test-${Math.random()}`;
    const a = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: browserSync(name), signals: {} });
    const b = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: browserSync(name), signals: {} });
    const changed = new Promise<void>((resolve) => b.subscribe(resolve));
    const stopA = a.subscribe(() => {});
    a.save({ analytics: true });
    await changed;
    expect(b.getSnapshot().choices.analytics).toBe(true);
    const back = new Promise<void>((resolve) => a.subscribe(resolve));
    b.rejectAll();
    await back;
    expect(a.getSnapshot().choices.analytics).toBe(false);
    stopA();
  });

  it('a store nobody listens to still tells the other tabs, and keeps no channel open afterwards', async () => {
    const { browserSync } = await import('../../src/core/sync');
    const open = new Set<BroadcastChannel>();
    class CountedChannel extends BroadcastChannel {
      constructor(name: string) {
        super(name);
        open.add(this);
      }
      override close() {
        open.delete(this);
        super.close();
      }
    }
    vi.stubGlobal('BroadcastChannel', CountedChannel);
    try {
      const name = `test-${Math.random()}`;
      const listening = createConsentStore(shopPolicy, {
        storage: memoryPersistence(),
        sync: browserSync(name),
        signals: {},
      });
      let stopListening = () => {};
      const changed = new Promise<void>((resolve) => {
        stopListening = listening.subscribe(resolve);
      });
      const [listenersChannel] = open;
      const silent = createConsentStore(shopPolicy, {
        storage: memoryPersistence(),
        sync: browserSync(name),
        signals: {},
      });
      silent.acceptAll();
      await changed;
      expect(listening.getSnapshot().status).toBe('decided');
      expect([...open]).toEqual([listenersChannel]);
      stopListening();
      expect(open.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('without BroadcastChannel, a tab re-reads the shared cookie when it is shown or focused', async () => {
    const { browserSync } = await import('../../src/core/sync');
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      const shared = memoryPersistence();
      const a = createConsentStore(shopPolicy, { storage: shared, sync: browserSync('fallback'), signals: {} });
      const b = createConsentStore(shopPolicy, { storage: shared, sync: browserSync('fallback'), signals: {} });
      const listener = vi.fn();
      b.subscribe(listener);
      a.acceptAll();
      expect(listener).not.toHaveBeenCalled();
      document.dispatchEvent(new Event('visibilitychange'));
      expect(listener).toHaveBeenCalledTimes(1);
      expect(b.getSnapshot().status).toBe('decided');
      a.reset();
      window.dispatchEvent(new Event('focus'));
      expect(b.getSnapshot().status).toBe('undecided');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a store that was not listening catches up when its first subscriber arrives', () => {
    const shared = memoryPersistence();
    const a = createConsentStore(shopPolicy, { storage: shared, sync: false, signals: {} });
    const b = createConsentStore(shopPolicy, { storage: shared, sync: false, signals: {} });
    a.acceptAll();
    expect(b.getSnapshot().status).toBe('undecided');
    b.subscribe(() => {});
    expect(b.getSnapshot().status).toBe('decided');
  });

  it('a forged message from another tab cannot grant anything', () => {
    const channel = bus();
    const b = createConsentStore(shopPolicy, { storage: memoryPersistence(), sync: channel(), signals: {} });
    b.subscribe(() => {});
    channel().post({ value: '1.not-a-uuid.1.0.0.a.0.necessary:1|personalization:1|analytics:1|marketing:1' });
    expect(b.getSnapshot().choices).toEqual(OPTIONAL_OFF);
  });
});

describe('given a store whose changes are still loading (the React provider on a first load)', () => {
  function deferredStore(storage = memoryPersistence(), now = Date.now) {
    const loaded: { resolve?: (loaded: typeof changes) => void } = {};
    const part = lazyPart(() => new Promise<typeof changes>((resolve) => (loaded.resolve = resolve)));
    const listen = vi.fn<SyncTransport['listen']>(() => () => {});
    const sync: SyncTransport = { post: vi.fn(), listen };
    const decisions: ConsentRecord<C>[] = [];
    const store = createStore(
      shopPolicy,
      { storage, now, sync, signals: () => NO_SIGNALS, onDecision: (record) => decisions.push(record) },
      part,
    );
    return { store, listen, decisions, arrive: () => loaded.resolve?.(changes) };
  }

  it('reads the consent at once and applies actions, in order, when the changes arrive', async () => {
    const { store, decisions, arrive } = deferredStore();
    expect(store.getSnapshot().status).toBe('undecided');
    store.rejectAll();
    store.save({ analytics: true });
    expect(store.getSnapshot().status).toBe('undecided');
    arrive();
    await vi.waitFor(() => expect(decisions.map((record) => record.action)).toEqual(['reject-all', 'custom']));
    expect(store.getSnapshot().choices).toEqual({ ...OPTIONAL_OFF, analytics: true });
  });

  it('does not start watching other tabs for a subscriber that left before it arrived', async () => {
    const { store, listen, arrive } = deferredStore();
    store.subscribe(() => {})();
    const listener = vi.fn();
    arrive();
    await Promise.resolve();
    await Promise.resolve();
    expect(listen).not.toHaveBeenCalled();
    const unsubscribe = store.subscribe(listener);
    await vi.waitFor(() => expect(listen).toHaveBeenCalledTimes(1));
    unsubscribe();
  });

  it('reads a stored choice fresh, and drops it on read once it reaches consentMaxAge and the changes are here', async () => {
    const { store: decided, storage, time } = setup();
    decided.acceptAll();
    const { store, listen, arrive } = deferredStore(storage, time.now);
    expect(store.getSnapshot().status).toBe('decided');
    const listener = vi.fn();
    store.subscribe(listener);
    arrive();
    await vi.waitFor(() => expect(listen).toHaveBeenCalled());
    expect(listener).not.toHaveBeenCalled();
    time.advance(shopPolicy.consentMaxAge);
    expect(store.getSnapshot().status).toBe('undecided');
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
  });
});
