// @vitest-environment node
import { JSDOM } from 'jsdom';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import {
  ConsentGate,
  ConsentProvider,
  createConsentStore,
  encodeRecord,
  memoryPersistence,
  useConsent,
} from '../../src/index';

function Page() {
  const { status } = useConsent();
  return (
    <main>
      <p>status: {status}</p>
      <ConsentGate category="analytics" fallback={<p>analytics off</p>}>
        <p>analytics on</p>
      </ConsentGate>
    </main>
  );
}

function app(cookieHeader: string | null) {
  return (
    <ConsentProvider policy={shopPolicy} cookieHeader={cookieHeader}>
      <Page />
    </ConsentProvider>
  );
}

/** A consent cookie value as a browser that accepted everything an hour ago would send. */
function acceptedCookie(): string {
  const store = createConsentStore(shopPolicy, {
    storage: memoryPersistence(),
    sync: false,
    signals: {},
    now: () => Date.now() - 3_600_000,
  });
  store.acceptAll();
  return encodeRecord(shopPolicy, store.getSnapshot().record!);
}

const GLOBALS = ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'MessageEvent', 'IS_REACT_ACT_ENVIRONMENT'];

async function hydrateInBrowser(markup: string, browserCookie: string | null, cookieHeader: string | null) {
  const dom = new JSDOM(`<!doctype html><html><body><div id="root">${markup}</div></body></html>`, {
    url: 'https://shop.example/',
  });
  if (browserCookie) dom.window.document.cookie = `cookie_consent=${browserCookie}; Path=/`;
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });
  g.HTMLElement = dom.window.HTMLElement;
  g.Node = dom.window.Node;
  g.IS_REACT_ACT_ENVIRONMENT = true;
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { hydrateRoot } = await import('react-dom/client');
  const { act } = await import('react');
  const root = dom.window.document.getElementById('root') as HTMLElement;
  const seenDuringHydration: string[] = [];
  const observer = new dom.window.MutationObserver(() => seenDuringHydration.push(root.textContent ?? ''));
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  let reactRoot: { unmount(): void } | undefined;
  await act(async () => {
    reactRoot = hydrateRoot(root, app(cookieHeader));
  });
  observer.disconnect();
  // Unmounted before the window goes: the provider's runtime may arrive after the test, and a store still
  // subscribed would then re-render into a window that is gone.
  const unmount = () => {
    act(() => reactRoot?.unmount());
    dom.window.close();
  };
  return { text: root.textContent, errors: errors.mock.calls, seenDuringHydration, unmount };
}

afterEach(() => {
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

describe('server rendering with the request cookie', () => {
  it('given an undecided visitor, renders the gated fallback on the server without a window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(app(null));
    expect(html).toContain('status: <!-- -->undecided');
    expect(html).toContain('analytics off');
  });

  it('given a decided visitor, the server renders from the Cookie header', () => {
    const html = renderToString(app(`theme=dark; cookie_consent=${acceptedCookie()}; other=1`));
    expect(html).toContain('status: <!-- -->decided');
    expect(html).toContain('analytics on');
  });

  it('a tampered Cookie header renders as undecided on the server', () => {
    const forged = acceptedCookie().replace(/\.a\./, '.x.');
    expect(renderToString(app(`cookie_consent=${forged}`))).toContain('analytics off');
  });
});

describe('hydration', () => {
  it('given an undecided visitor, hydrates with zero warnings and the same output', async () => {
    const html = renderToString(app(null));
    const result = await hydrateInBrowser(html, null, null);
    expect(result.errors).toEqual([]);
    expect(result.text).toBe('status: undecidedanalytics off');
    result.unmount();
  });

  it('given a decided visitor, hydrates with zero warnings and the same gated output', async () => {
    const cookie = acceptedCookie();
    const html = renderToString(app(`cookie_consent=${cookie}`));
    const result = await hydrateInBrowser(html, cookie, `cookie_consent=${cookie}`);
    expect(result.errors).toEqual([]);
    expect(result.text).toBe('status: decidedanalytics on');
    result.unmount();
  });

  it('follows the header during hydration, then the browser cookie, without a hydration warning', async () => {
    const cookie = acceptedCookie();
    // The server saw a decision; meanwhile the visitor reset it in another tab.
    const html = renderToString(app(`cookie_consent=${cookie}`));
    const result = await hydrateInBrowser(html, null, `cookie_consent=${cookie}`);
    expect(result.errors).toEqual([]);
    expect(result.text).toBe('status: undecidedanalytics off');
    result.unmount();
  });
});
