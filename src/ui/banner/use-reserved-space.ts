import { type RefObject, useEffect } from 'react';

/**
 * While a fixed banner is on screen, the page reserves its height, so that no focused element is ever
 * hidden behind it (WCAG 2.2, 2.4.11): `scroll-padding-bottom` makes the browser scroll a focused element
 * above the banner, and an empty spacer at the end of `<body>` makes room to scroll the page's last
 * elements (its footer) that far. A banner in the flow needs neither.
 */
export function useReservedSpace(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const root = document.documentElement;
    const previous = root.style.scrollPaddingBottom;
    const spacer = document.createElement('div');
    spacer.setAttribute('aria-hidden', 'true');
    spacer.setAttribute('data-consent-banner-spacer', '');
    const apply = () => {
      const position = getComputedStyle(element).position;
      const reserved = position === 'fixed' || position === 'sticky';
      const height = `${Math.ceil(element.getBoundingClientRect().height)}px`;
      root.style.scrollPaddingBottom = reserved ? height : previous;
      if (reserved) {
        spacer.style.height = height;
        if (!spacer.isConnected) document.body.append(spacer);
      } else {
        spacer.remove();
      }
    };
    apply();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      spacer.remove();
      root.style.scrollPaddingBottom = previous;
    };
  }, [ref, active]);
}
