import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { createConsentStore } from '../../src/core/consent-store';
import { ConsentProvider } from '../../src/react/consent-provider';
import { useConsentedStorage } from '../../src/react/use-consented-storage';

afterEach(() => {
  vi.useRealTimers();
});

function RecentlyViewed({ label }: { label: string }) {
  const [viewed, setViewed, clear] = useConsentedStorage<string[]>('personalization', 'recently_viewed', {
    lifetime: '15min',
  });
  return (
    <section aria-label={label}>
      <p>{viewed ? `Recently viewed: ${viewed.join(', ')}` : 'Nothing remembered'}</p>
      <button type="button" onClick={() => setViewed((previous) => ['bib', ...(previous ?? [])])}>
        View bib
      </button>
      <button type="button" onClick={clear}>
        Forget
      </button>
    </section>
  );
}

function renderShop() {
  const store = createConsentStore(shopPolicy, { sync: false, signals: { gpc: false, dnt: false } });
  render(
    <ConsentProvider policy={shopPolicy} store={store}>
      <RecentlyViewed label="first" />
      <RecentlyViewed label="second" />
    </ConsentProvider>,
  );
  return store;
}

const texts = () => screen.getAllByText(/Recently viewed|Nothing remembered/).map((node) => node.textContent);

describe('given an undecided visitor on a product page', () => {
  it('remembers nothing when a product is viewed', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderShop();
    fireEvent.click(screen.getAllByText('View bib')[0] as HTMLElement);
    expect(texts()).toEqual(['Nothing remembered', 'Nothing remembered']);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });
});

describe('given a visitor who accepted personalization', () => {
  it('shows the viewed product in every component that reads it', () => {
    const store = renderShop();
    act(() => store.save({ personalization: true }));
    fireEvent.click(screen.getAllByText('View bib')[0] as HTMLElement);
    fireEvent.click(screen.getAllByText('View bib')[1] as HTMLElement);
    expect(texts()).toEqual(['Recently viewed: bib, bib', 'Recently viewed: bib, bib']);
  });

  it('forgets on request', () => {
    const store = renderShop();
    act(() => store.save({ personalization: true }));
    fireEvent.click(screen.getAllByText('View bib')[0] as HTMLElement);
    fireEvent.click(screen.getAllByText('Forget')[1] as HTMLElement);
    expect(texts()).toEqual(['Nothing remembered', 'Nothing remembered']);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });

  it('after withdrawing personalization, shows nothing and the stored list is deleted', async () => {
    const store = renderShop();
    act(() => store.save({ personalization: true }));
    fireEvent.click(screen.getAllByText('View bib')[0] as HTMLElement);
    act(() => store.save({ personalization: false }));
    expect(texts()).toEqual(['Nothing remembered', 'Nothing remembered']);
    // The provider's cleanup arrives in its own chunk, a moment after the first render.
    await waitFor(() => expect(localStorage.getItem('recently_viewed')).toBeNull());
  });

  it('forgets the list when its lifetime is over, without any interaction', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = renderShop();
    act(() => store.save({ personalization: true }));
    fireEvent.click(screen.getAllByText('View bib')[0] as HTMLElement);
    act(() => vi.advanceTimersByTime(14 * 60_000));
    expect(texts()[0]).toBe('Recently viewed: bib');
    act(() => vi.advanceTimersByTime(60_000));
    expect(texts()).toEqual(['Nothing remembered', 'Nothing remembered']);
    expect(localStorage.getItem('recently_viewed')).toBeNull();
  });
});
