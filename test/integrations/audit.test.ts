import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { auditRows, auditStorage, deleteStoredItem } from '../../src/core/audit';
import { createConsentStore } from '../../src/core/consent-store';
import { cookieNames } from '../../src/core/cookie';
import { logStorageAudit } from '../../src/core/log-storage-audit';
import { encodeStoredValue } from '../../src/core/storage-envelope';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);

afterEach(() => vi.restoreAllMocks());

function decided(choice: 'accept' | 'reject') {
  const store = createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } });
  if (choice === 'accept') store.acceptAll();
  else store.rejectAll();
  return store.getSnapshot();
}

describe('given a browser that holds only what the policy declares, with everything accepted', () => {
  it('finds nothing wrong and lists each declared item with its category', () => {
    const snapshot = decided('accept');
    document.cookie = '_ga=GA1.1.1.2; Path=/';
    document.cookie = '_ga_ABC=GS1; Path=/';
    localStorage.setItem('cart', '[]');
    const audit = auditStorage(shopPolicy, snapshot);
    expect(audit.clean).toBe(true);
    expect(audit.declared.map((item) => [item.name, item.declared?.category])).toEqual(
      expect.arrayContaining([
        ['cookie_consent', 'necessary'],
        ['_ga', 'analytics'],
        ['_ga_ABC', 'analytics'],
        ['cart', 'necessary'],
      ]),
    );
  });

  it('offers deleting optional items but not necessary ones', () => {
    const snapshot = decided('accept');
    document.cookie = '_ga=GA1.1.1.2; Path=/';
    const audit = auditStorage(shopPolicy, snapshot);
    const byName = new Map(audit.items.map((item) => [item.name, item]));
    expect(byName.get('_ga')?.deletable).toBe(true);
    expect(byName.get('cookie_consent')?.deletable).toBe(false);
  });
});

describe('given storage the policy does not declare', () => {
  it('reports it as undeclared', () => {
    const snapshot = decided('accept');
    document.cookie = '_hjid=hj.1.2; Path=/';
    sessionStorage.setItem('debug_flags', '1');
    const audit = auditStorage(shopPolicy, snapshot);
    expect(audit.clean).toBe(false);
    expect(audit.undeclared.map((item) => `${item.kind}:${item.name}`).sort()).toEqual([
      'cookie:_hjid',
      'sessionStorage:debug_flags',
    ]);
  });

  it('does not take an item of another kind for a declared one', () => {
    const snapshot = decided('accept');
    sessionStorage.setItem('cart', '[]');
    expect(auditStorage(shopPolicy, snapshot).undeclared.map((item) => item.name)).toEqual(['cart']);
  });
});

describe('given a visitor who rejected all', () => {
  it('reports the analytics and personalization items still held as not granted', () => {
    const snapshot = decided('reject');
    document.cookie = '_gid=GA1.1.5; Path=/';
    localStorage.setItem('recently_viewed', '[]');
    const audit = auditStorage(shopPolicy, snapshot);
    expect(audit.notGranted.map((item) => item.name).sort()).toEqual(['_gid', 'recently_viewed']);
    expect(audit.undeclared).toEqual([]);
  });
});

describe('given values written with an expiry', () => {
  const items = (writtenAt: number, expiresAt: number) => [
    {
      name: 'cart',
      kind: 'localStorage' as const,
      value: encodeStoredValue('localStorage', { value: [], writtenAt, expiresAt }),
    },
    {
      name: 'reco_id',
      kind: 'cookie' as const,
      value: encodeStoredValue('cookie', { value: 'r', writtenAt, expiresAt }),
    },
  ];

  it('accepts a value that lives as long as declared', () => {
    const snapshot = decided('accept');
    const audit = auditStorage(shopPolicy, snapshot, { items: items(NOW, NOW + 30 * DAY), now: NOW });
    expect(audit.overLived).toEqual([]);
    expect(audit.items[0]?.expiresAt).toBe(NOW + 30 * DAY);
  });

  it('reports a cart kept for a year when the policy allows 30 days', () => {
    const snapshot = decided('accept');
    const audit = auditStorage(shopPolicy, snapshot, { items: items(NOW, NOW + 365 * DAY), now: NOW });
    expect(audit.overLived.map((item) => item.name)).toEqual(['cart']);
  });

  it('reports a value whose expiry lies further ahead than its lifetime allows, whatever it claims to have been written', () => {
    const snapshot = decided('accept');
    const audit = auditStorage(shopPolicy, snapshot, { items: items(NOW + 300 * DAY, NOW + 310 * DAY), now: NOW });
    expect(audit.overLived.map((item) => item.name)).toEqual(['cart']);
  });
});

describe('deleting from the policy page', () => {
  it('removes a cookie set on a parent path and a local storage item', () => {
    document.cookie = '_ga=GA1; Path=/';
    localStorage.setItem('recently_viewed', '[]');
    deleteStoredItem({ name: '_ga', kind: 'cookie' });
    deleteStoredItem({ name: 'recently_viewed', kind: 'localStorage' });
    expect(cookieNames(document.cookie)).not.toContain('_ga');
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });
});

describe('the development log', () => {
  it('prints one table of findings and nothing when the browser is clean', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const snapshot = decided('reject');
    logStorageAudit(shopPolicy, snapshot);
    expect(table).not.toHaveBeenCalled();

    document.cookie = '_hjid=hj.1; Path=/';
    logStorageAudit(shopPolicy, snapshot);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(table).toHaveBeenCalledWith([
      { problem: 'undeclared', name: '_hjid', kind: 'cookie', category: '-', declaredLifetime: '-' },
    ]);
    expect(auditRows(auditStorage(shopPolicy, snapshot))).toHaveLength(1);
  });
});
