import { act, render, screen, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import {
  ConsentGate,
  ConsentProvider,
  type ConsentStore,
  createConsentStore,
  memoryPersistence,
  TrackedPixel,
  type UseConsentResult,
  useConsent,
  useTrackedPixel,
} from '../../src/index';
import type { PreferencesState } from '../../src/ui/first-load/preferences-state';

function memoryStore(options: { gpc?: boolean } = {}) {
  return createConsentStore(shopPolicy, {
    storage: memoryPersistence(),
    sync: false,
    signals: { gpc: options.gpc ?? false },
  }) as ConsentStore<(typeof shopPolicy.categoryNames)[number]>;
}

function withStore(store: ReturnType<typeof memoryStore>, children: ReactNode) {
  return (
    <ConsentProvider policy={shopPolicy} store={store}>
      {children}
    </ConsentProvider>
  );
}

describe('useConsent', () => {
  it('given no provider, throws a sentence that says what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Orphan() {
      useConsent('analytics');
      return null;
    }
    expect(() => render(<Orphan />)).toThrowError(
      'useConsent() must be used inside <ConsentProvider>. Wrap your app (or this part of it) in <ConsentProvider policy={yourPolicy}>.',
    );
  });

  it('given no provider in a production build, throws the first sentence only', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubEnv('NODE_ENV', 'production');
    try {
      function Orphan() {
        useConsent('analytics');
        return null;
      }
      expect(() => render(<Orphan />)).toThrowError(/^useConsent\(\) must be used inside <ConsentProvider>\.$/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('returns the snapshot with actions that change it', async () => {
    const store = memoryStore();
    function Status() {
      const consent = useConsent();
      return (
        <>
          <p>status: {consent.status}</p>
          <p>analytics: {String(consent.choices.analytics)}</p>
          <button type="button" onClick={consent.acceptAll}>
            accept
          </button>
          <button type="button" onClick={consent.reset}>
            reset
          </button>
        </>
      );
    }
    render(withStore(store, <Status />));
    expect(screen.getByText('status: undecided')).toBeTruthy();
    await act(() => screen.getByText('accept').click());
    expect(screen.getByText('status: decided')).toBeTruthy();
    expect(screen.getByText('analytics: true')).toBeTruthy();
    await act(() => screen.getByText('reset').click());
    expect(screen.getByText('analytics: false')).toBeTruthy();
  });

  it('a component that reads marketing does not re-render when only analytics changes', () => {
    const store = memoryStore();
    const commits: string[] = [];
    function Marketing() {
      return <p>marketing: {String(useConsent('marketing'))}</p>;
    }
    function Unrelated() {
      return <p>unrelated</p>;
    }
    render(
      withStore(
        store,
        <>
          <Profiler id="marketing" onRender={(id) => commits.push(id)}>
            <Marketing />
          </Profiler>
          <Profiler id="unrelated" onRender={(id) => commits.push(id)}>
            <Unrelated />
          </Profiler>
        </>,
      ),
    );
    expect(commits).toEqual(['marketing', 'unrelated']);
    act(() => store.save({ analytics: true }));
    act(() => store.save({ personalization: true }));
    expect(commits).toEqual(['marketing', 'unrelated']);
    act(() => store.save({ marketing: true }));
    expect(commits).toEqual(['marketing', 'unrelated', 'marketing']);
    expect(screen.getByText('marketing: true')).toBeTruthy();
  });

  it('openPreferences() opens the preferences of the dialog that owns them', async () => {
    const store = memoryStore();
    let api: UseConsentResult | undefined;
    let preferencesOpen: (() => boolean) | undefined;
    const { useConsentContext } = await import('../../src/react/consent-context');
    const { preferencesOf } = await import('../../src/ui/first-load/preferences-state');
    function DialogLike() {
      // What <PreferencesDialog /> does on its first render.
      preferencesOpen = preferencesOf(useConsentContext('DialogLike')).isOpen;
      return null;
    }
    function Probe() {
      api = useConsent();
      return null;
    }
    render(
      withStore(
        store,
        <>
          <Probe />
          <DialogLike />
        </>,
      ),
    );
    expect(preferencesOpen?.()).toBe(false);
    act(() => api?.openPreferences());
    expect(preferencesOpen?.()).toBe(true);
  });

  it('a language change keeps the store, the actions and an open dialog; a consent change keeps the language', async () => {
    const store = memoryStore();
    const { useConsentContext } = await import('../../src/react/consent-context');
    const { preferencesOf } = await import('../../src/ui/first-load/preferences-state');
    const seen: ReturnType<typeof useConsentContext>[] = [];
    function DialogLike() {
      const consent = useConsentContext('DialogLike');
      preferencesOf(consent);
      seen.push(consent);
      return null;
    }
    const tree = (language: string) => (
      <ConsentProvider policy={shopPolicy} store={store} language={language}>
        <DialogLike />
      </ConsentProvider>
    );
    const { rerender } = render(tree('fi'));
    act(() => seen.at(-1)?.actions.openPreferences());
    rerender(tree('en'));
    const [first, last] = [seen[0], seen.at(-1)];
    expect([first?.language, last?.language]).toEqual(['fi', 'en']);
    expect(last?.store).toBe(first?.store);
    expect(last?.actions).toBe(first?.actions);
    expect((last?.preferences.current as PreferencesState | undefined)?.isOpen()).toBe(true);
    const renders = seen.length;
    act(() => store.acceptAll());
    expect(seen.length).toBe(renders);
  });

  it('openPreferences() with no dialog rendered does nothing but say so in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = memoryStore();
    let api: UseConsentResult | undefined;
    const { useConsentContext } = await import('../../src/react/consent-context');
    let context: ReturnType<typeof useConsentContext> | undefined;
    function Probe() {
      api = useConsent();
      context = useConsentContext('Probe');
      return null;
    }
    render(withStore(store, <Probe />));
    act(() => api?.openPreferences());
    expect(context?.preferences.current).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('render <PreferencesDialog /> once'));
  });

  it('an unknown category reads as not granted and warns in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = memoryStore();
    store.acceptAll();
    function Typo() {
      // @ts-expect-error: 'analytcs' is not a category of the registered policy
      return <p>{String(useConsent('analytcs'))}</p>;
    }
    render(withStore(store, <Typo />));
    expect(screen.getByText('false')).toBeTruthy();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("useConsent('analytcs')"));
  });
});

describe('ConsentGate', () => {
  it('renders its children only while the category is granted, and the fallback otherwise', () => {
    const store = memoryStore();
    render(
      withStore(
        store,
        <ConsentGate category="analytics" fallback={<p>analytics off</p>}>
          <p>analytics on</p>
        </ConsentGate>,
      ),
    );
    expect(screen.queryByText('analytics on')).toBeNull();
    expect(screen.getByText('analytics off')).toBeTruthy();
    act(() => store.acceptAll());
    expect(screen.getByText('analytics on')).toBeTruthy();
    act(() => store.save({ analytics: false }));
    expect(screen.queryByText('analytics on')).toBeNull();
  });

  it('with GPC on, accept all does not open a third-party gate, an explicit save does', () => {
    const store = memoryStore({ gpc: true });
    render(withStore(store, <ConsentGate category="marketing">pixel zone</ConsentGate>));
    act(() => store.acceptAll());
    expect(screen.queryByText('pixel zone')).toBeNull();
    act(() => store.save({ marketing: true }));
    expect(screen.getByText('pixel zone')).toBeTruthy();
  });
});

describe('tracked pixels', () => {
  const SRC = 'https://pixel.adnetwork.example/view.gif?p=42';

  it('renders a hidden 1x1 image without referrer only while marketing is granted', () => {
    const store = memoryStore();
    const { container } = render(withStore(store, <TrackedPixel src={SRC} />));
    expect(container.querySelector('img')).toBeNull();
    act(() => store.acceptAll());
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')).toBe(SRC);
    expect(img?.getAttribute('alt')).toBe('');
    expect(img?.getAttribute('width')).toBe('1');
    expect(img?.getAttribute('height')).toBe('1');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    act(() => store.save({ marketing: false }));
    expect(container.querySelector('img')).toBeNull();
  });

  it('follows another category when asked', () => {
    const store = memoryStore();
    function Pixel() {
      return useTrackedPixel({ src: SRC, category: 'analytics' });
    }
    const { container } = render(withStore(store, <Pixel />));
    act(() => store.save({ analytics: true }));
    expect(container.querySelector('img')).not.toBeNull();
  });

  it.each([
    'http://pixel.adnetwork.example/view.gif',
    'javascript:alert(1)',
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    '//pixel.adnetwork.example/view.gif',
    '/local.gif',
    'not a url',
  ])('renders nothing for %s, and warns in development', (src) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = memoryStore();
    store.acceptAll();
    const { container } = render(withStore(store, <TrackedPixel src={src} />));
    expect(container.querySelector('img')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('is not an https URL'));
  });

  it('allows http://localhost in development, for trying pixels on a dev server', () => {
    const store = memoryStore();
    store.acceptAll();
    const { container } = render(withStore(store, <TrackedPixel src="http://localhost:5173/p.gif" />));
    expect(container.querySelector('img')?.getAttribute('src')).toBe('http://localhost:5173/p.gif');
  });

  it('in production, a non-https pixel fails closed without a warning', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const store = memoryStore();
      store.acceptAll();
      const { container } = render(withStore(store, <TrackedPixel src="http://localhost:5173/p.gif" />));
      expect(container.querySelector('img')).toBeNull();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('ConsentProvider', () => {
  it('creates its store once and passes each decision to the latest onDecision', async () => {
    const first = vi.fn();
    const second = vi.fn();
    let api: UseConsentResult | undefined;
    function Probe() {
      api = useConsent();
      return null;
    }
    const { rerender } = render(
      <ConsentProvider policy={shopPolicy} onDecision={first}>
        <Probe />
      </ConsentProvider>,
    );
    const acceptAll = api?.acceptAll;
    rerender(
      <ConsentProvider policy={shopPolicy} onDecision={second}>
        <Probe />
      </ConsentProvider>,
    );
    expect(api?.acceptAll).toBe(acceptAll);
    act(() => api?.rejectAll());
    await vi.waitFor(() => expect(second).toHaveBeenCalledWith(expect.objectContaining({ action: 'reject-all' })));
    expect(first).not.toHaveBeenCalled();
  });

  it('applies actions called before its decision code has arrived, in order, once it has', async () => {
    // A fresh copy of the library, as on a page's first load: its decision code is not loaded yet.
    vi.resetModules();
    const fresh = await import('../../src/index');
    const onDecision = vi.fn();
    let api: UseConsentResult | undefined;
    function Probe() {
      api = fresh.useConsent();
      return <fresh.ConsentGate category="analytics">analytics on</fresh.ConsentGate>;
    }
    render(
      <fresh.ConsentProvider policy={shopPolicy} onDecision={onDecision}>
        <Probe />
      </fresh.ConsentProvider>,
    );
    // Called in the same task as the first render: the provider's store has not loaded its decision code yet.
    act(() => {
      api?.rejectAll();
      api?.save({ analytics: true });
    });
    expect(onDecision).not.toHaveBeenCalled();
    expect(await screen.findByText('analytics on')).toBeTruthy();
    expect(onDecision.mock.calls.map(([record]) => record.action)).toEqual(['reject-all', 'custom']);
    expect(api?.choices).toMatchObject({ analytics: true, marketing: false });
  });

  it('reads the consent cookie the browser already has', () => {
    const seed = createConsentStore(shopPolicy, { sync: false, signals: {} });
    seed.acceptAll();
    render(
      <ConsentProvider policy={shopPolicy}>
        <ConsentGate category="analytics">analytics on</ConsentGate>
      </ConsentProvider>,
    );
    expect(screen.getByText('analytics on')).toBeTruthy();
  });
});

describe('cleanup by the provider', () => {
  it('deletes the declared storage of categories not granted, at start and after a withdrawal', async () => {
    document.cookie = '_ga=GA1.1.123.456; Path=/';
    document.cookie = '_ga_ABC123=GS1.1.1; Path=/';
    document.cookie = 'unrelated=1; Path=/';
    localStorage.setItem('recently_viewed', '["bib"]');
    localStorage.setItem('cart', '["bib"]');
    const store = memoryStore();
    render(withStore(store, <p>shop</p>));
    await waitFor(() => expect(document.cookie).not.toContain('_ga'));
    expect(localStorage.getItem('recently_viewed')).toBeNull();
    expect(localStorage.getItem('cart')).toBe('["bib"]');
    expect(document.cookie).toContain('unrelated=1');

    act(() => store.acceptAll());
    document.cookie = '_ga=GA1.1.789; Path=/';
    localStorage.setItem('recently_viewed', '["cap"]');
    act(() => store.save({ analytics: false }));
    await waitFor(() => expect(document.cookie).not.toContain('_ga='));
    expect(localStorage.getItem('recently_viewed')).toBe('["cap"]');
  });
});
