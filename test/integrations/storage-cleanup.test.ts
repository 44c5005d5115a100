// @vitest-environment-options {"url": "https://www.shop.example.fi/products/12"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { cookieNames } from '../../src/core/cookie';
import { deleteCookie } from '../../src/core/delete-cookie';
import { attachStorageCleanup } from '../../src/core/storage-cleanup';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function newStore() {
  return createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } });
}

function attach(store = newStore()) {
  stops.push(attachStorageCleanup(store));
  return store;
}

/** Sets Google Analytics' cookies the ways a tag may set them: parent domain, host, host-only, sub-paths. */
function setAnalyticsCookies() {
  document.cookie = '_ga=GA1.1.111.222; Domain=example.fi; Path=/';
  document.cookie = '_ga=GA1.1.333.444; Domain=shop.example.fi; Path=/';
  document.cookie = '_ga_ABC123=GS1.1.1; Domain=.www.shop.example.fi; Path=/';
  document.cookie = '_ga_XYZ=GS1.1.2; Path=/products';
  document.cookie = '_gid=GA1.1.5; Path=/products/12';
  document.cookie = '_gid=GA1.1.6';
}

const names = () => cookieNames(document.cookie);

/** Records each time the page opens localStorage or sessionStorage, until `restore`. */
function watchStorageReads() {
  const reads: string[] = [];
  const restores = ['localStorage', 'sessionStorage'].map((kind) => {
    const original = Object.getOwnPropertyDescriptor(window, kind) as PropertyDescriptor;
    Object.defineProperty(window, kind, {
      configurable: true,
      get: () => {
        reads.push(kind);
        return original.get?.call(window);
      },
    });
    return () => Object.defineProperty(window, kind, original);
  });
  return {
    reads,
    restore: () => {
      for (const restore of restores) restore();
    },
  };
}

describe('given a visitor who has not decided yet', () => {
  it('deletes analytics cookies in every domain and path variant, at start', () => {
    setAnalyticsCookies();
    expect(names()).toEqual(expect.arrayContaining(['_ga', '_ga_ABC123', '_ga_XYZ', '_gid']));
    attach();
    expect(names().filter((name) => name.startsWith('_g'))).toEqual([]);
  });

  it('keeps the necessary cookies and storage, and deletes personalization storage (its cookies at once, its Web Storage once the page is idle)', async () => {
    document.cookie = 'session_id=s1; Path=/';
    document.cookie = 'reco_id=r1; Path=/';
    localStorage.setItem('cart', '[1]');
    localStorage.setItem('recently_viewed', '[12]');
    sessionStorage.setItem('recently_viewed', '[12]');
    attach();
    expect(names()).toContain('session_id');
    expect(names()).not.toContain('reco_id');
    await vi.waitFor(() => expect(localStorage.getItem('recently_viewed')).toBeNull(), { timeout: 1500 });
    expect(localStorage.getItem('cart')).toBe('[1]');
    // recently_viewed is declared as localStorage only: a sessionStorage item of that name is not the policy's to delete.
    expect(sessionStorage.getItem('recently_viewed')).toBe('[12]');
  });

  it('opens no Web Storage while the page loads, only once it is idle', async () => {
    localStorage.setItem('recently_viewed', '[12]');
    const storage = watchStorageReads();
    try {
      attach();
      expect(storage.reads).toEqual([]);
      await vi.waitFor(() => expect(storage.reads).toContain('localStorage'), { timeout: 1500 });
    } finally {
      storage.restore();
    }
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });

  it('leaves cookies the policy does not declare alone', () => {
    document.cookie = 'unrelated=1; Path=/';
    attach();
    expect(names()).toContain('unrelated');
  });
});

describe('given a visitor who accepted all', () => {
  it('on a later page, reads no storage at all: there is nothing it may delete', async () => {
    const first = newStore();
    first.acceptAll();
    const storage = watchStorageReads();
    try {
      attach(newStore());
      // Past the idle moment too.
      await new Promise((done) => setTimeout(done, 50));
      expect(storage.reads).toEqual([]);
    } finally {
      storage.restore();
    }
  });

  it('withdrawn before the page is idle, deletes the Web Storage of what was withdrawn at once', () => {
    const first = newStore();
    first.acceptAll();
    localStorage.setItem('recently_viewed', '[12]');
    const store = attach(newStore());
    store.rejectAll();
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });

  it('keeps analytics cookies, and deletes them the moment analytics is withdrawn', () => {
    const store = attach();
    store.acceptAll();
    setAnalyticsCookies();
    localStorage.setItem('recently_viewed', '[1]');
    expect(names()).toEqual(expect.arrayContaining(['_ga', '_ga_ABC123', '_gid']));

    store.save({ analytics: false });
    expect(names().filter((name) => name.startsWith('_g'))).toEqual([]);
    expect(localStorage.getItem('recently_viewed')).toBe('[1]');
    expect(names()).toContain('cookie_consent');
  });

  it('deletes every optional item after Reject all, but never the consent cookie', () => {
    const store = attach();
    store.acceptAll();
    setAnalyticsCookies();
    document.cookie = 'reco_id=r1; Path=/';
    document.cookie = '_gcl_au=1.1; Domain=example.fi; Path=/';
    localStorage.setItem('recently_viewed', '[1]');
    store.rejectAll();
    expect(names().sort()).toEqual(['cookie_consent']);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });

  it('stops deleting once detached', () => {
    const store = newStore();
    const stop = attachStorageCleanup(store);
    stop();
    setAnalyticsCookies();
    store.rejectAll();
    expect(names()).toContain('_ga');
    for (const name of ['_ga', '_ga_ABC123', '_ga_XYZ', '_gid']) deleteCookie(name);
    expect(names().filter((name) => name.startsWith('_g'))).toEqual([]);
  });
});

describe('given a page that may not touch its cookies (a sandboxed frame)', () => {
  it('still deletes the declared Web Storage items, and throws nothing at start or on a decision', async () => {
    localStorage.setItem('recently_viewed', '[1]');
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const read = vi.spyOn(document, 'cookie', 'get').mockImplementation(denied);
    const write = vi.spyOn(document, 'cookie', 'set').mockImplementation(denied);
    try {
      const store = newStore();
      expect(() => attach(store)).not.toThrow();
      await vi.waitFor(() => expect(localStorage.getItem('recently_viewed')).toBeNull(), { timeout: 1500 });
      localStorage.setItem('recently_viewed', '[2]');
      expect(() => store.rejectAll()).not.toThrow();
      expect(localStorage.getItem('recently_viewed')).toBeNull();
    } finally {
      read.mockRestore();
      write.mockRestore();
    }
  });
});

describe('given a visitor who refused analytics, on a page without the Cookie Store API', () => {
  afterEach(() => {
    vi.useRealTimers();
    history.replaceState(null, '', '/products/12');
  });

  it('deletes a declared cookie that a script sets after the refusal, within a second', () => {
    vi.useFakeTimers();
    const store = attach();
    store.rejectAll();
    document.cookie = '_ga=GA1.1.777.888; Path=/';
    expect(names()).toContain('_ga');
    vi.advanceTimersByTime(1000);
    expect(names()).not.toContain('_ga');
  });

  it('deletes one on a deeper Path as soon as a navigation within the page brings it into view', () => {
    vi.useFakeTimers();
    // Set on a path this page does not show yet: the cleanup cannot see it, nor reach it.
    document.cookie = '_gcl_au=1.1.1; Path=/en/products';
    document.cookie = '_ga_XYZ=GS1.1.3; Path=/en';
    const store = attach();
    store.rejectAll();
    history.pushState(null, '', '/en/products/3');
    expect(names()).toEqual(expect.arrayContaining(['_gcl_au', '_ga_XYZ']));
    // A pushState navigation is seen by the next look; a back or forward one (popstate) at once.
    vi.advanceTimersByTime(1000);
    expect(names().filter((name) => name.startsWith('_g'))).toEqual([]);
    document.cookie = '_gcl_au=1.1.2; Path=/en';
    history.replaceState(null, '', '/en');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(names()).not.toContain('_gcl_au');
  });
});

describe('given a page still on the path it was loaded on', () => {
  /** The document's own address, as a browser's navigation entry gives it. */
  function loadedOn(url: string) {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) =>
      type === 'navigation' ? ([{ name: url }] as unknown as PerformanceEntryList) : [],
    );
  }
  /** The names of the cookies written while `act` runs (a deletion is a write with Max-Age=0). */
  function cookieWrites(act: () => void): string[] {
    const { get, set } = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor;
    const written: string[] = [];
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => get?.call(document),
      set: (value: string) => {
        written.push(value.split('=')[0] as string);
        set?.call(document, value);
      },
    });
    try {
      act();
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    return written;
  }
  afterEach(() => {
    vi.restoreAllMocks();
    history.replaceState(null, '', '/products/12');
  });

  it('writes no cookie for a refusing visitor who has none of the declared ones: a deletion is aimed only at what the page sees', () => {
    loadedOn(location.href);
    document.cookie = 'session_id=s1; Path=/';
    const store = newStore();
    store.rejectAll();
    expect(cookieWrites(() => attach(store))).toEqual([]);
  });

  it('still deletes a declared cookie it sees, in every domain and path variant', () => {
    loadedOn(location.href);
    setAnalyticsCookies();
    const writes = cookieWrites(() => attach());
    expect(new Set(writes)).toEqual(new Set(['_ga', '_ga_ABC123', '_ga_XYZ', '_gid']));
    // www.shop.example.fi and its three parent domains plus host-only, on /, /products(/) and /products/12(/).
    expect(writes.filter((name) => name === '_ga')).toHaveLength(5 * 5);
    expect(names().filter((name) => name.startsWith('_g'))).toEqual([]);
  });

  it('after a client-side navigation, aims the deletions of declared names at every variant, seen or not', () => {
    loadedOn(location.href);
    history.pushState(null, '', '/en/products/3');
    const writes = cookieWrites(() => attach());
    // Every declared cookie of a refused category with an exact name, though the page sees none of them.
    const declared = shopPolicy.storage
      .filter((item) => item.kind === 'cookie' && item.category !== 'necessary' && !item.name.includes('*'))
      .filter((item) => item.party !== 'third')
      .map((item) => item.name);
    expect(declared.length).toBeGreaterThan(2);
    expect(new Set(writes)).toEqual(new Set(declared));
  });
});
