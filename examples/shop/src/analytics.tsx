import { GoogleAnalytics } from 'react-consent-policy';

/** The demo measurement id: the browser tests answer Google's hosts themselves. */
export const MEASUREMENT_ID = 'G-DEMO12345';

/**
 * Analytics for the shop: Google's tag with Consent Mode v2 in basic mode, so nothing of Google's is
 * loaded until the visitor grants analytics.
 */
export function Analytics() {
  return <GoogleAnalytics measurementId={MEASUREMENT_ID} />;
}
