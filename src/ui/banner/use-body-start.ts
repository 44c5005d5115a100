import { useEffect, useState } from 'react';

/**
 * An element placed first in `<body>` while mounted, for the banner: its controls then come first in the
 * tab order, wherever the app mounts the banner. Null on the server and in the first render.
 */
export function useBodyStart(enabled: boolean): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const element = document.createElement('div');
    element.setAttribute('data-consent-banner-host', '');
    document.body.prepend(element);
    setHost(element);
    return () => {
      element.remove();
      setHost(null);
    };
  }, [enabled]);
  return host;
}
