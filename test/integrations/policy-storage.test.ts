import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { readCookie } from '../../src/core/cookie';
import { createPolicyStorage } from '../../src/core/policy-storage';
import { decodeStoredValue, encodeStoredValue } from '../../src/core/storage-envelope';

const MINUTE = 60_000;
const DAY = 86_400_000;
const MONTH = (365.2425 / 12) * DAY;
let clock = Date.UTC(2026, 10, 25, 12);
const now = () => clock;

afterEach(() => {
  clock = Date.UTC(2026, 10, 25, 12);
});

function setup(decide?: (store: ReturnType<typeof createConsentStore<string>>) => void) {
  const store = createConsentStore(shopPolicy, { sync: false, now, signals: { gpc: false, dnt: false } });
  decide?.(store);
  return { store, storage: createPolicyStorage(store, { now }) };
}

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('given an undecided visitor', () => {
  it('refuses to write personalization storage, and says why in development', () => {
    const warn = quiet();
    const { storage } = setup();
    expect(storage.set('recently_viewed', ['p1'])).toBe(false);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"personalization" is not granted'));
  });

  it('writes and reads the necessary cart', () => {
    const { storage } = setup();
    expect(storage.set('cart', [{ id: 'p1', quantity: 2 }])).toBe(true);
    expect(storage.get('cart')).toEqual([{ id: 'p1', quantity: 2 }]);
  });

  it('refuses a key the policy does not declare', () => {
    const warn = quiet();
    const { storage } = setup((store) => store.acceptAll());
    expect(storage.set('wishlist', ['p1'])).toBe(false);
    expect(localStorage.getItem('wishlist')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"wishlist" is not declared'));
  });

  it('refuses a key declared under another category than the caller expects', () => {
    quiet();
    const { storage } = setup((store) => store.acceptAll());
    expect(storage.set('cart', [], { category: 'personalization' })).toBe(false);
    expect(localStorage.getItem('cart')).toBeNull();
  });
});

describe('given a visitor who granted personalization', () => {
  it('writes recently viewed products with the declared 30 days when no lifetime is asked for', () => {
    const { storage } = setup((store) => store.save({ personalization: true }));
    expect(storage.set('recently_viewed', ['p1'])).toBe(true);
    expect(storage.read('recently_viewed')?.expiresAt).toBe(clock + 30 * DAY);
  });

  it('keeps a shorter lifetime as asked', () => {
    const { storage } = setup((store) => store.save({ personalization: true }));
    storage.set('recently_viewed', ['p1'], { lifetime: '7d' });
    expect(storage.read('recently_viewed')?.expiresAt).toBe(clock + 7 * DAY);
  });

  it('shortens a lifetime longer than declared to the declared one', () => {
    const warn = quiet();
    const { storage } = setup((store) => store.save({ personalization: true }));
    storage.set('recently_viewed', ['p1'], { lifetime: '1y' });
    expect(storage.read('recently_viewed')?.expiresAt).toBe(clock + 30 * DAY);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('may live 30d at most'));
  });

  it('gives a cookie the same clamped Max-Age, and an expiry the server can decode', () => {
    quiet();
    const { storage } = setup((store) => store.save({ personalization: true }));
    const writes: string[] = [];
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor;
    vi.spyOn(document, 'cookie', 'set').mockImplementation((value: string) => {
      writes.push(value);
      descriptor.set?.call(document, value);
    });
    expect(storage.set('reco_id', 'r-42', { lifetime: '5y' })).toBe(true);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain(`Max-Age=${Math.floor((26 * MONTH) / 1000)};`);
    expect(writes[0]).toContain('Path=/');
    vi.restoreAllMocks();
    const raw = readCookie(document.cookie, 'reco_id');
    expect(decodeStoredValue('cookie', raw)).toEqual({
      value: 'r-42',
      writtenAt: clock,
      expiresAt: clock + Math.round(26 * MONTH),
    });
    expect(storage.get('reco_id')).toBe('r-42');
  });

  it('reads nothing once the value has expired, and removes it', () => {
    const { storage } = setup((store) => store.save({ personalization: true }));
    storage.set('recently_viewed', ['p1'], { lifetime: '15min' });
    clock += 15 * MINUTE - 1;
    expect(storage.get('recently_viewed')).toEqual(['p1']);
    clock += 1;
    expect(storage.get('recently_viewed')).toBeNull();
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });

  it('reads nothing after personalization is withdrawn, even before the value is deleted', () => {
    const { store, storage } = setup((s) => s.save({ personalization: true }));
    storage.set('recently_viewed', ['p1']);
    store.save({ personalization: false });
    expect(storage.get('recently_viewed')).toBeNull();
    expect(storage.set('recently_viewed', ['p2'])).toBe(false);
  });

  it('notifies subscribers of writes and removals', () => {
    const { storage } = setup((s) => s.save({ personalization: true }));
    const listener = vi.fn();
    const stop = storage.subscribe(listener);
    storage.set('recently_viewed', ['p1']);
    storage.remove('recently_viewed');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
    stop();
    storage.set('recently_viewed', ['p1']);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('at start', () => {
  const envelope = (writtenAt: number, expiresAt: number) =>
    encodeStoredValue('localStorage', { value: ['p1'], writtenAt, expiresAt });

  it('purges expired values and keeps live ones and values written by other code', () => {
    localStorage.setItem('cart', envelope(clock - 40 * DAY, clock - 10 * DAY));
    localStorage.setItem('recently_viewed', envelope(clock - DAY, clock + DAY));
    localStorage.setItem('legacy', '["plain"]');
    setup();
    expect(localStorage.getItem('cart')).toBeNull();
    expect(localStorage.getItem('recently_viewed')).not.toBeNull();
    expect(localStorage.getItem('legacy')).toBe('["plain"]');
  });

  it('holds a value written with a longer lifetime than the policy now declares to the declared one', () => {
    // Written 31 days ago to last a year: the cart may live 30 days, so it is gone.
    localStorage.setItem('cart', envelope(clock - 31 * DAY, clock + 334 * DAY));
    const { storage } = setup();
    expect(storage.get('cart')).toBeNull();
    expect(localStorage.getItem('cart')).toBeNull();
  });
});

describe('given a browser that will not keep the value (storage full or refused, cookies blocked)', () => {
  function grantedStorage() {
    const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
    store.acceptAll();
    return { store, storage: createPolicyStorage(store) };
  }

  it('keeps a Web Storage value in memory for the page, and the cart still counts what was added', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { storage } = grantedStorage();
    expect(storage.set('cart', { 'organic-bodysuit': 1 })).toBe(true);
    expect(storage.get('cart')).toEqual({ 'organic-bodysuit': 1 });
    expect(localStorage.getItem('cart')).toBeNull();
  });

  it('keeps a cookie the browser dropped in memory, and forgets it the moment its category is withdrawn', () => {
    const { store, storage } = grantedStorage();
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
    expect(storage.set('reco_id', 'r-1')).toBe(true);
    expect(storage.get('reco_id')).toBe('r-1');
    store.save({ personalization: false });
    expect(storage.get('reco_id')).toBeNull();
    store.save({ personalization: true });
    // Withdrawn is gone: granting again does not bring the old value back.
    expect(storage.get('reco_id')).toBeNull();
  });

  it('never keeps in memory what the policy does not allow', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
    store.rejectAll();
    const storage = createPolicyStorage(store);
    expect(storage.set('recently_viewed', ['a'])).toBe(false);
    expect(storage.set('undeclared_key', 1)).toBe(false);
    expect(storage.get('recently_viewed')).toBeNull();
  });
});

describe('the consent cookie', () => {
  it('is the store’s alone: the policy storage neither writes nor removes it, though the policy declares it', () => {
    const store = createConsentStore(shopPolicy, { sync: false, signals: {} });
    store.rejectAll();
    const storage = createPolicyStorage(store);
    expect(storage.set('cookie_consent', 'x')).toBe(false);
    storage.remove('cookie_consent');
    expect(createConsentStore(shopPolicy, { sync: false, signals: {} }).getSnapshot().status).toBe('decided');
  });
});
