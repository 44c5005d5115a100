import { createElement, type ReactElement } from 'react';
import type { Category } from '../core/policy';
import { warn } from '../core/warn';
import { useConsent } from './use-consent';

export interface TrackedPixelOptions {
  /** The pixel's https URL. */
  src: string;
  /** Default: 'marketing'. */
  category?: Category;
}

const warned = new Set<unknown>();
const HIDDEN = { position: 'absolute', width: 1, height: 1, border: 0, clipPath: 'inset(50%)' } as const;

/** The URL when a pixel may load it: https, or plain http to this machine in development. */
function allowedSource(src: unknown): string | null {
  try {
    const url = new URL(src as string);
    if (url.protocol === 'https:') return url.href;
    if (
      typeof process !== 'undefined' &&
      process.env.NODE_ENV !== 'production' &&
      url.protocol === 'http:' &&
      /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)
    ) {
      return url.href;
    }
  } catch {
    // Not an absolute URL.
  }
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && !warned.has(src)) {
    warned.add(src);
    warn(`useTrackedPixel: "${String(src)}" is not an https URL, so the pixel is not rendered.`);
  }
  return null;
}

/**
 * A 1x1 tracking pixel that exists only while its category is granted: it unmounts on withdrawal, and a
 * `src` that is not https renders nothing (with a warning in development). No referrer is sent.
 */
export function useTrackedPixel({ src, category = 'marketing' as Category }: TrackedPixelOptions): ReactElement | null {
  const granted = useConsent(category);
  const href = granted ? allowedSource(src) : null;
  return href
    ? createElement('img', {
        src: href,
        width: 1,
        height: 1,
        alt: '',
        referrerPolicy: 'no-referrer',
        decoding: 'async',
        'data-consent-category': category,
        style: HIDDEN,
      })
    : null;
}
