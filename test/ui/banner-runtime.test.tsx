import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { shopPolicy, shopTexts } from '../../examples/shop-policy';
import { ConsentProvider } from '../../src/react/consent-provider';
import { ConsentBanner } from '../../src/ui/first-load/consent-banner';

// The provider's runtime (what records a choice) arrives well after the banner's own code, as on a slow link.
vi.mock('../../src/react/provider-runtime', async (original) => {
  await new Promise((done) => setTimeout(done, 300));
  return original();
});

afterEach(() => {
  document.cookie = `${shopPolicy.cookie.name}=; Max-Age=0; Path=/`;
});

it('given the runtime late, the banner shows only once it is here: an Accept all clicked the moment it shows is stored at once', async () => {
  render(
    <ConsentProvider policy={shopPolicy} texts={shopTexts} language="en">
      <ConsentBanner />
    </ConsentProvider>,
  );
  const accept = await screen.findByRole('button', { name: 'Accept all' }, { timeout: 5000 });
  // No await between the banner showing, the click and the cookie.
  act(() => {
    fireEvent.click(accept);
  });
  expect(document.cookie).toContain(`${shopPolicy.cookie.name}=`);
});
