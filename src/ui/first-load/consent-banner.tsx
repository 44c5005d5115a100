import { useSyncExternalStore } from 'react';
import { useConsentContext } from '../../react/consent-context';
import type { ConsentBannerProps } from './panel-contract';
import { bannerPanel, usePanel } from './panel-loader';

export type { ConsentBannerProps } from './panel-contract';

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
  return usePanel(bannerPanel, undecided, props);
}
