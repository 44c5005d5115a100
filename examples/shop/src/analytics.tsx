import { useEffect } from 'react';
import { ConsentGate } from 'react-consent-policy';

export const MEASUREMENT_ID = 'G-DEMO12345';

type Gtag = (...args: unknown[]) => void;
declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: Gtag;
  }
}

/** Loads Google's tag while mounted; the gate below mounts it only while analytics is granted. */
function GoogleTag({ measurementId }: { measurementId: string }) {
  useEffect(() => {
    window.dataLayer = window.dataLayer ?? [];
    window.gtag = function gtag() {
      // gtag.js reads `arguments` objects; plain arrays are ignored.
      // biome-ignore lint/complexity/noArguments: the documented gtag snippet
      window.dataLayer?.push(arguments);
    };
    window.gtag('js', new Date());
    window.gtag('config', measurementId);
    const script = document.createElement('script');
    script.async = true;
    script.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(measurementId)}`;
    document.head.append(script);
    return () => script.remove();
  }, [measurementId]);
  return null;
}

/** Analytics for the shop: nothing is loaded until the visitor grants analytics. */
export function Analytics() {
  return (
    <ConsentGate category="analytics">
      <GoogleTag measurementId={MEASUREMENT_ID} />
    </ConsentGate>
  );
}
