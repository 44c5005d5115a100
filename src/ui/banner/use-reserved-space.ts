import { type RefObject, useEffect } from 'react';

/**
 * While a fixed banner is on screen, the page reserves its height with `scroll-padding-bottom`, so that
 * the browser never scrolls a focused element behind it (WCAG 2.2, 2.4.11). A banner in the flow needs none.
 */
export function useReservedSpace(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const root = document.documentElement;
    const previous = root.style.scrollPaddingBottom;
    const apply = () => {
      const position = getComputedStyle(element).position;
      root.style.scrollPaddingBottom =
        position === 'fixed' || position === 'sticky'
          ? `${Math.ceil(element.getBoundingClientRect().height)}px`
          : previous;
    };
    apply();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.scrollPaddingBottom = previous;
    };
  }, [ref, active]);
}
