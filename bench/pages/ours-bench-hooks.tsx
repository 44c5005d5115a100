import { useConsent, useConsentContext } from 'react-consent-policy';
import { bench } from './shop';

/** Exposes one-category changes to the benchmark; reads the store without subscribing to it. */
export function BenchHooks() {
  const { actions } = useConsentContext('BenchHooks');
  bench.grantAnalytics = () => actions.save({ analytics: true });
  return null;
}

/** A consumer that cares only about marketing: it should not re-render when analytics changes. */
export function UnrelatedConsumer() {
  const marketing = useConsent('marketing');
  bench.unrelatedRenders += 1;
  return <span hidden>{String(marketing)}</span>;
}
