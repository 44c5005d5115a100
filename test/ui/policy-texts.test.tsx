import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ConsentBanner,
  ConsentProvider,
  createConsentStore,
  definePolicy,
  type PolicyTextSources,
  type RegisteredPolicy,
} from '../../src/index';
import { CONSENT_WORDS } from '../consent-words';

const policy = definePolicy({
  revision: 1,
  categories: {
    necessary: { required: true, lifetime: { min: '1h', max: '1y' } },
    statistics: { lifetime: { min: '1h', max: '1y' } },
  },
});

/** The banner of a provider of this policy, in English, with the shop's texts given. */
const banner = (texts: PolicyTextSources) => (
  <ConsentProvider
    policy={policy as unknown as RegisteredPolicy}
    store={createConsentStore(policy, { sync: false }) as never}
    texts={texts}
    language="en"
  >
    <ConsentBanner inline />
  </ConsentProvider>
);

describe('given the shop’s texts from a loader', () => {
  it('that resolves to something other than texts / shows the banner with stand-ins and says what is missing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(banner({ en: () => Promise.resolve(null as never) }));
    const region = await screen.findByRole('region', { name: CONSENT_WORDS.en.banner });
    // The category's own name stands in for the words the shop did not give; the visitor can still refuse.
    expect(within(region).getByText('statistics')).toBeTruthy();
    expect(within(region).getByRole('button', { name: CONSENT_WORDS.en.rejectAll })).toBeTruthy();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('categories.statistics.name'));
  });

  it('that fails once / tries again on the next render and shows the shop’s words', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const texts = {
      en: () => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('offline'));
        return Promise.resolve({
          categories: {
            necessary: { name: 'Essential', description: 'Keeps the shop working.' },
            statistics: { name: 'Statistics', description: 'Counts visits.' },
          },
          services: {},
          storage: {},
          policyText: { title: 'Cookies', paragraphs: ['We count visits.'] },
        });
      },
    } satisfies PolicyTextSources;
    const view = render(banner(texts));
    await vi.waitFor(() => expect(calls).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    view.rerender(banner(texts));
    const region = await screen.findByRole('region', { name: CONSENT_WORDS.en.banner });
    expect(await within(region).findByText('Statistics')).toBeTruthy();
    expect(calls).toBe(2);
  });
});
