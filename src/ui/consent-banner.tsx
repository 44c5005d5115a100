import { useSyncExternalStore } from 'react';
import { useConsentContext } from '../react/consent-context';
import { bannerPart, usePart } from './lazy-parts';

export interface ConsentBannerProps {
  /** Where the full cookie policy is (the page that renders `<CookiePolicy />`). Default: '/cookies'. */
  policyHref?: string;
  /** Added to the banner's root (`rcp-banner`). */
  className?: string;
  /**
   * Render where it is mounted. By default the banner is placed first in `<body>`, so its buttons come
   * first in the tab order wherever the app mounts it.
   */
  inline?: boolean;
}

/**
 * The first layer: Accept all, Reject all and Settings, shown while the visitor is undecided. For a
 * visitor who has decided it renders nothing and loads no banner code; for an undecided one it loads the
 * banner at once. After a choice it stays to confirm it (`role="status"`) until hidden.
 */
export function ConsentBanner(props: ConsentBannerProps) {
  const { store } = useConsentContext('ConsentBanner');
  const undecided = useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().status === 'undecided',
    () => store.getServerSnapshot().status === 'undecided',
  );
  // Once shown on this page, the banner stays mounted: it confirms the choice and can be shown again.
  return usePart(bannerPart, undecided, props);
}
