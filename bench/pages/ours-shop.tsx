import type { ReactNode } from 'react';
import { ConsentGate, useConsent, useConsentContext } from 'react-consent-policy';
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
 * The shop as both react-consent-policy pages run it: analytics behind the visitor's consent, and the
 * benchmark's hooks. Each page adds its own banner, so that the two differ only in their banner.
 */
export function OursShop({ children }: { children: ReactNode }) {
  return (
    <Shop>
      <ConsentGate category="analytics">
        <AnalyticsScript />
      </ConsentGate>
      <UnrelatedConsumer />
      <BenchHooks />
      {children}
    </Shop>
  );
}
