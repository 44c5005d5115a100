import { GoogleAnalytics, GoogleTagManager, MetaPixel } from 'react-consent-policy';
import { usePath } from './router';

/** The demo ids: the browser tests answer Google's and Meta's hosts themselves. */
export const MEASUREMENT_ID = 'G-DEMO12345';
export const CONTAINER_ID = 'GTM-DEMO123';
export const PIXEL_ID = '1234567890123456';

/**
 * The shop's tags, each declared as a service of its policy: Google's tag and Tag Manager on Consent Mode
 * v2 in basic mode (nothing of Google's loads until the visitor grants analytics), and Meta's pixel with
 * Meta's consent API (nothing of Meta's until marketing is granted), a page view on each page change.
 */
export function Analytics() {
  const path = usePath();
  return (
    <>
      <GoogleAnalytics measurementId={MEASUREMENT_ID} />
      <GoogleTagManager containerId={CONTAINER_ID} />
      <MetaPixel pixelId={PIXEL_ID} page={path} />
    </>
  );
}
