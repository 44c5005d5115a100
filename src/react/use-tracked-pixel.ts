import { createElement, type ReactElement, useMemo } from 'react';
import type { Category } from '../core/policy';
import { isDevelopment, warn } from '../core/warn';
import { useConsent } from './use-consent';

export interface TrackedPixelOptions {
  /** The pixel's https URL. */
  src: string;
  /** Default: 'marketing'. */
  category?: Category;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The URL when a pixel may load it: https, or plain http to this machine in development. */
function allowedSource(src: unknown): string | null {
  if (typeof src !== 'string') return null;
  try {
    const url = new URL(src);
    if (url.protocol === 'https:') return url.href;
    if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname) && isDevelopment()) return url.href;
  } catch {
    // Not an absolute URL.
  }
  return null;
}

const HIDDEN = { position: 'absolute', width: 1, height: 1, border: 0, clipPath: 'inset(50%)' } as const;

/**
 * A 1x1 tracking pixel that exists only while its category is granted: it unmounts on withdrawal, and a
 * `src` that is not https renders nothing (with a warning in development). No referrer is sent.
 */
export function useTrackedPixel({ src, category = 'marketing' as Category }: TrackedPixelOptions): ReactElement | null {
  const granted = useConsent(category);
  const href = useMemo(() => {
    const allowed = allowedSource(src);
    if (allowed === null) warn(`useTrackedPixel: "${String(src)}" is not an https URL, so the pixel is not rendered.`);
    return allowed;
  }, [src]);
  if (!granted || href === null) return null;
  return createElement('img', {
    src: href,
    width: 1,
    height: 1,
    alt: '',
    referrerPolicy: 'no-referrer',
    decoding: 'async',
    'data-consent-category': category,
    style: HIDDEN,
  });
}
