import type { ComponentType, ReactNode } from 'react';
import { ConsentGate, useConsent, useConsentContext } from 'react-consent-policy/headless';
import { AnalyticsScript, bench, Shop } from './shop';

/** Exposes one-category changes to the benchmark; reads the store without subscribing to it. */
function BenchHooks() {
  const { actions } = useConsentContext('BenchHooks');
  bench.grantAnalytics = () => actions.save({ analytics: true });
  return null;
}

/** A consumer that cares only about marketing: it should not re-render when analytics changes. */
function UnrelatedConsumer() {
  const marketing = useConsent('marketing');
  bench.unrelatedRenders += 1;
  return <span hidden>{String(marketing)}</span>;
}

/**
 * The shop as the react-consent-policy pages run it: analytics behind the visitor's consent, and the
 * benchmark's hooks, from the package's headless entry. Each page adds its own banner (and `shop`, the shop
 * worded by react-i18next), so that they differ only in that.
 */
export function OursShop({
  children,
  shop: ShopPage = Shop,
}: {
  children: ReactNode;
  shop?: ComponentType<{ children?: ReactNode }>;
}) {
  return (
    <ShopPage>
      <ConsentGate category="analytics">
        <AnalyticsScript />
      </ConsentGate>
      <UnrelatedConsumer />
      <BenchHooks />
      {children}
    </ShopPage>
  );
}
