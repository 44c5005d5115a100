import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateMarkup } from '../../src/core/activate-markup';
import { consentModeBridge } from '../../src/core/consent-mode';
import { createConsentStore } from '../../src/core/consent-store';
import { googleTagManager } from '../../src/core/google-tag-manager';
import { metaPixel, trackMetaPixel } from '../../src/core/meta-pixel';
import { definePolicy, type RegisteredPolicy } from '../../src/core/policy';
import { gateScript } from '../../src/core/script-gate';
import { ConsentProvider } from '../../src/react/consent-provider';
import { ConsentScript } from '../../src/react/consent-script';

const revoked = vi.fn();

/** A shop with a chat widget, a tag manager and Meta's pixel, each declared as a service. */
const policyConfig = {
  revision: 1,
  categories: {
    necessary: { required: true, lifetime: { min: '1h', max: '2y' } },
    analytics: { thirdParty: true, lifetime: { min: '1h', max: '2y' } },
    marketing: { thirdParty: true, lifetime: { min: '1h', max: '2y' } },
  },
  services: {
    chat: {
      category: 'marketing',
      hosts: ['widget.chat.example'],
      storage: [{ name: 'chat_id', kind: 'cookie', lifetime: '30d' }],
      onWithdraw: () => revoked(),
    },
    'google-tag-manager': { category: 'analytics', hosts: ['www.googletagmanager.com'], storage: [] },
    'meta-pixel': {
      category: 'marketing',
      hosts: ['connect.facebook.net', 'www.facebook.com'],
      storage: [{ name: '_fbp', kind: 'cookie', lifetime: '90d' }],
    },
  },
} as const;
const policy = definePolicy(policyConfig);

type Win = Window & { dataLayer?: unknown[]; gtag?: unknown; fbq?: { queue: unknown[][] }; _fbq?: unknown };
const win = window as Win;

afterEach(() => {
  delete win.dataLayer;
  delete win.gtag;
  delete win.fbq;
  delete win._fbq;
  for (const script of [...document.scripts]) script.remove();
  document.body.innerHTML = '';
  revoked.mockReset();
});

const storeOf = (signals: { gpc?: boolean; dnt?: boolean } = {}) =>
  createConsentStore(policy, { sync: false, signals });
/** A page runs a script once; each test asks for an address of its own. */
let serial = 0;
const chatUrl = () => `https://widget.chat.example/loader.js?test=${++serial}`;
const scriptsOf = (service: string) => [...document.querySelectorAll(`script[data-consent-service="${service}"]`)];

describe('gateScript: a script of a service, only while its category is granted', () => {
  it('inserts nothing while undecided or after Reject all, and the script once after Accept all', () => {
    const store = storeOf();
    const src = chatUrl();
    gateScript(store, { service: 'chat', src, nonce: 'n0nce' });
    expect(scriptsOf('chat')).toEqual([]);
    store.rejectAll();
    expect(scriptsOf('chat')).toEqual([]);
    store.acceptAll();
    const scripts = scriptsOf('chat') as HTMLScriptElement[];
    expect(scripts.map((script) => [script.src, script.async, script.getAttribute('nonce')])).toEqual([
      [src, true, 'n0nce'],
    ]);
    // Asked for again (another component, a remount): still once.
    gateScript(store, { service: 'chat', src, nonce: 'n0nce' });
    store.save({ analytics: true });
    expect(scriptsOf('chat')).toHaveLength(1);
  });

  it('runs inline code once, as a script element of its own, with the nonce', () => {
    const store = storeOf();
    store.acceptAll();
    gateScript(store, { service: 'chat', code: 'window.chatReady = 1;', nonce: 'n0nce' });
    gateScript(store, { service: 'chat', code: 'window.chatReady = 1;', nonce: 'n0nce' });
    const scripts = scriptsOf('chat') as HTMLScriptElement[];
    expect(scripts.map((script) => [script.text, script.getAttribute('nonce'), script.src])).toEqual([
      ['window.chatReady = 1;', 'n0nce', ''],
    ]);
  });

  it('never inserts an address that is not https, not on a declared host, or of an unknown service', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = storeOf();
    store.acceptAll();
    gateScript(store, { service: 'chat', src: 'http://widget.chat.example/loader.js' });
    gateScript(store, { service: 'chat', src: 'https://evil.example/loader.js' });
    gateScript(store, { service: 'chat', src: '//widget.chat.example/loader.js' });
    gateScript(store, { service: 'chats', src: chatUrl() });
    gateScript(store, { service: 'chat', src: chatUrl(), code: 'x()' });
    expect([...document.scripts]).toEqual([]);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('is not https'),
      expect.stringContaining('evil.example is not among the hosts service "chat" declares (widget.chat.example)'),
      expect.stringContaining('is not an absolute address'),
      expect.stringContaining('there is no service "chats"'),
      expect.stringContaining('give either src or code'),
    ]);
  });

  it('keeps a third-party script away on "Accept all" while a privacy signal is on', () => {
    const store = storeOf({ gpc: true });
    gateScript(store, { service: 'chat', src: chatUrl() });
    store.acceptAll();
    expect(scriptsOf('chat')).toEqual([]);
  });

  it('calls the service’s onWithdraw on each withdrawal after its script ran, not before it ran', () => {
    const store = storeOf();
    gateScript(store, { service: 'chat', src: chatUrl() });
    store.save({ analytics: true });
    store.rejectAll();
    expect(revoked).not.toHaveBeenCalled();
    store.acceptAll();
    store.save({ marketing: false });
    expect(revoked).toHaveBeenCalledTimes(1);
    store.save({ marketing: true });
    store.rejectAll();
    expect(revoked).toHaveBeenCalledTimes(2);
    // Granted again, the script is still on the page: it is not run a second time.
    store.acceptAll();
    expect(scriptsOf('chat')).toHaveLength(1);
  });

  it('with onWithdraw "reload", reloads the page after a withdrawal, once the decision is stored', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    const reloading = definePolicy({
      ...policyConfig,
      services: { chat: { ...policyConfig.services.chat, onWithdraw: 'reload' } },
    });
    const store = createConsentStore(reloading, { sync: false, signals: {} });
    gateScript(store, { service: 'chat', src: chatUrl() });
    store.acceptAll();
    store.save({ analytics: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reload).not.toHaveBeenCalled();
    store.save({ marketing: false });
    expect(reload).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(document.cookie).toMatch(/cookie_consent=/);
    vi.unstubAllGlobals();
  });

  it('as <ConsentScript> under StrictMode: once, with the provider’s nonce, only after consent', () => {
    const store = storeOf();
    const src = chatUrl();
    render(
      <StrictMode>
        <ConsentProvider policy={policy as unknown as RegisteredPolicy} store={store as never} nonce="from-provider">
          <ConsentScript service="chat" src={src} />
          <ConsentScript service="chat" src={src} />
        </ConsentProvider>
      </StrictMode>,
    );
    expect(scriptsOf('chat')).toEqual([]);
    act(() => store.acceptAll());
    expect(scriptsOf('chat').map((script) => script.getAttribute('nonce'))).toEqual(['from-provider']);
  });
});

describe('activateMarkup: tags in the page’s HTML', () => {
  const markup = (html: string) => {
    document.body.innerHTML = html;
  };

  it('runs a marked script only once its category is granted, keeping its attributes and place', () => {
    markup(
      '<p id="before"></p><script type="text/plain" data-consent-service="chat" data-consent-src="https://widget.chat.example/tag.js" id="tag" async data-x="1"></script><p id="after"></p>',
    );
    const store = storeOf();
    activateMarkup(store);
    expect(document.querySelector('script')?.type).toBe('text/plain');
    store.rejectAll();
    expect(document.querySelector('script')?.type).toBe('text/plain');
    store.acceptAll();
    const live = document.querySelector('script') as HTMLScriptElement;
    expect(live.type).toBe('');
    expect([live.src, live.id, live.async, live.dataset.x]).toEqual([
      'https://widget.chat.example/tag.js',
      'tag',
      true,
      '1',
    ]);
    expect(live.previousElementSibling?.id).toBe('before');
    expect(live.nextElementSibling?.id).toBe('after');
    expect(document.scripts).toHaveLength(1);
  });

  it('runs inline code, as a module where marked, with the nonce given', () => {
    markup('<script type="text/plain" data-consent-service="chat" data-consent-type="module">window.x = 1;</script>');
    const store = storeOf();
    store.acceptAll();
    activateMarkup(store, { nonce: 'n0nce' });
    const live = document.querySelector('script') as HTMLScriptElement;
    expect([live.type, live.text, live.getAttribute('nonce')]).toEqual(['module', 'window.x = 1;', 'n0nce']);
  });

  it('gates tags added after it started, and leaves undeclared hosts and services inert', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = storeOf();
    store.acceptAll();
    activateMarkup(store);
    document.body.insertAdjacentHTML(
      'beforeend',
      [
        '<div><script type="text/plain" data-consent-service="chat" data-consent-src="https://widget.chat.example/late.js"></script></div>',
        '<script type="text/plain" data-consent-service="chat" data-consent-src="https://tracker.example/x.js"></script>',
        '<script type="text/plain" data-consent-service="nobody">window.y = 1;</script>',
      ].join(''),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(
      [...document.scripts].map((script) => [script.type, script.getAttribute('data-consent-src') ?? script.src]),
    ).toEqual([
      ['', 'https://widget.chat.example/late.js'],
      ['text/plain', 'https://tracker.example/x.js'],
      ['text/plain', ''],
    ]);
  });

  it('loads a marked iframe once allowed and unloads it on withdrawal', () => {
    markup(
      '<iframe title="Chat" data-consent-service="chat" data-consent-src="https://widget.chat.example/frame"></iframe>',
    );
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const store = storeOf();
    activateMarkup(store);
    expect(frame.getAttribute('src')).toBeNull();
    store.acceptAll();
    expect(frame.src).toBe('https://widget.chat.example/frame');
    store.save({ analytics: true });
    expect(frame.src).toBe('https://widget.chat.example/frame');
    store.rejectAll();
    expect(frame.src).toBe('about:blank');
    store.acceptAll();
    expect(frame.src).toBe('https://widget.chat.example/frame');
  });

  it('stops when told: a tag granted afterwards stays inert', () => {
    markup('<script type="text/plain" data-consent-service="chat">window.z = 1;</script>');
    const store = storeOf();
    activateMarkup(store)();
    store.acceptAll();
    expect(document.querySelector('script')?.type).toBe('text/plain');
  });
});

const entries = () =>
  (win.dataLayer ?? []).map((entry) =>
    Array.isArray(entry) || !('length' in (entry as object)) ? entry : Array.from(entry as ArrayLike<unknown>),
  );
const containerScripts = () =>
  [...document.scripts].filter((script) => script.src.includes('googletagmanager.com/gtm.js'));

describe('googleTagManager: the container on the Consent Mode bridge', () => {
  it('queues the denied defaults and loads no container until analytics is granted, then once, started', () => {
    const store = storeOf();
    googleTagManager(store, { containerId: 'GTM-DEMO123', nonce: 'n0nce' });
    expect(entries()[0]).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied' })]);
    store.save({ marketing: true });
    expect(containerScripts()).toEqual([]);
    store.rejectAll();
    expect(containerScripts()).toEqual([]);
    const before = entries().length;
    store.save({ analytics: true });
    expect(containerScripts().map((script) => [script.src, script.getAttribute('nonce')])).toEqual([
      ['https://www.googletagmanager.com/gtm.js?id=GTM-DEMO123', 'n0nce'],
    ]);
    // The update granting analytics comes before the container's start event, which comes before it loads.
    const added = entries().slice(before);
    expect(added[0]).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted' })]);
    expect(added[1]).toEqual({ 'gtm.start': expect.any(Number), event: 'gtm.js' });
    store.save({ analytics: false });
    expect(entries().at(-1)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })]);
  });

  it('beside Google’s tag on the same page, tells Google each change once', () => {
    const store = storeOf();
    consentModeBridge(store, { measurementId: 'G-DEMO12345' });
    googleTagManager(store, { containerId: 'GTM-DEMO123' });
    const updates = () => entries().filter((entry) => Array.isArray(entry) && entry[1] === 'update');
    store.acceptAll();
    store.save({ marketing: false });
    store.rejectAll();
    expect(updates().map((entry) => (entry as [string, string, Record<string, string>])[2].analytics_storage)).toEqual([
      'granted',
      'granted',
      'denied',
    ]);
    expect(entries().filter((entry) => Array.isArray(entry) && entry[1] === 'default')).toHaveLength(1);
  });

  it('never loads a container with a malformed id', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = storeOf();
    store.acceptAll();
    googleTagManager(store, { containerId: 'GTM-X"><script>' });
    expect(containerScripts()).toEqual([]);
  });
});

const pixelScripts = () => [...document.scripts].filter((script) => script.src.includes('connect.facebook.net'));

describe('metaPixel: Meta’s consent API', () => {
  it('revokes before init and loads nothing while undecided; grants, counts the page view and loads once on consent', () => {
    const store = storeOf();
    metaPixel(store, { pixelId: '1234567890', nonce: 'n0nce' });
    expect(win.fbq?.queue).toEqual([
      ['consent', 'revoke'],
      ['init', '1234567890'],
    ]);
    trackMetaPixel('AddToCart');
    store.save({ analytics: true });
    expect(pixelScripts()).toEqual([]);
    store.save({ marketing: true });
    expect(win.fbq?.queue).toEqual([
      ['consent', 'revoke'],
      ['init', '1234567890'],
      ['consent', 'grant'],
      ['track', 'PageView'],
    ]);
    expect(pixelScripts().map((script) => [script.src, script.getAttribute('nonce')])).toEqual([
      ['https://connect.facebook.net/en_US/fbevents.js', 'n0nce'],
    ]);
    trackMetaPixel('AddToCart', { value: 19.9, currency: 'EUR' });
    store.save({ marketing: false });
    trackMetaPixel('Purchase');
    expect(win.fbq?.queue.slice(4)).toEqual([
      ['track', 'AddToCart', { value: 19.9, currency: 'EUR' }],
      ['consent', 'revoke'],
    ]);
    // Attached again (a remount): no second init, no second script.
    metaPixel(store, { pixelId: '1234567890' });
    store.save({ marketing: true });
    expect(win.fbq?.queue.filter(([command]) => command === 'init')).toHaveLength(1);
    expect(pixelScripts()).toHaveLength(1);
  });

  it('stays off on "Accept all" with Do Not Track on', () => {
    const store = storeOf({ dnt: true });
    metaPixel(store, { pixelId: '2234567890' });
    store.acceptAll();
    expect(win.fbq?.queue).toEqual([
      ['consent', 'revoke'],
      ['init', '2234567890'],
    ]);
    expect(pixelScripts()).toEqual([]);
  });
});
