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

/** The URL when a pixel may load it: https, or plain http to this machine in development. */
function allowedSource(src: unknown): string | null {
  let url: URL | undefined;
  try {
    url = new URL(src as string);
  } catch {
    // Not an absolute URL.
  }
  if (url?.protocol === 'https:') return url.href;
  if (process.env.NODE_ENV !== 'production') return developmentSource(src, url);
  return null;
}

/** In development: http to this machine is allowed; anything else is refused with a warning, once per src. */
function developmentSource(src: unknown, url: URL | undefined): string | null {
  if (url?.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) return url.href;
  if (!warned.has(src)) {
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
        // Out of the layout and invisible; browsers fetch an image whether or not it is rendered.
        hidden: true,
      })
    : null;
}
