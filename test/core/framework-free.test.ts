// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('../../src/core/', import.meta.url);

// What the core may import is checked with the other layers in .dependency-cruiser.cjs (`npm run lint:deps`).
describe('the core entry', () => {
  it('loads on a server, with no window or document, and reads a request cookie there', async () => {
    expect(typeof window).toBe('undefined');
    const core = await import('../../src/core/index');
    const { shopPolicy } = await import('../../examples/shop-policy');
    const store = core.createConsentStore(shopPolicy, { sync: false });
    expect(store.getSnapshot().status).toBe('undecided');
    store.acceptAll();
    const header = `a=1; cookie_consent=${core.encodeRecord(shopPolicy, store.getSnapshot().record!)}`;
    expect(core.readConsentCookie(shopPolicy, header).choices.marketing).toBe(true);
    expect(core.readConsentCookie(shopPolicy, 'cookie_consent=forged').status).toBe('undecided');
  });

  it('does not start with a client directive, so servers can use it', () => {
    expect(readFileSync(new URL('index.ts', coreDir), 'utf8')).not.toMatch(/^['"]use client['"]/);
    expect(readFileSync(new URL('../index.ts', coreDir), 'utf8')).toMatch(/^['"]use client['"]/);
  });
});
