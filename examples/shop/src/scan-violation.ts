import { useEffect } from 'react';

/** The cookie a build made with VITE_SCAN_VIOLATION=1 sets on the cart page: the policy declares it nowhere. */
export const SCAN_VIOLATION_COOKIE = 'scan_violation';

/**
 * A deliberate breach of the shop's policy, only in a build made with `VITE_SCAN_VIOLATION=1`: the scanner's tests
 * check that `react-consent-policy scan` catches it. Vite replaces the flag when it builds, so an ordinary build
 * keeps an empty function and none of this.
 */
export const useScanViolation: () => void =
  import.meta.env.VITE_SCAN_VIOLATION === '1'
    ? () =>
        useEffect(() => {
          document.cookie = `${SCAN_VIOLATION_COOKIE}=1; Max-Age=600; Path=/`;
        }, [])
    : () => undefined;
