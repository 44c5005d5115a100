import type { ConsentStore } from './consent-store-types';
import { gateScript } from './script-gate';
import { findService, serviceGranted } from './script-internals';
import { warn } from './warn';

export interface MetaPixelOptions {
  /** The pixel's id, digits only. */
  pixelId: string;
  /** The policy's service for the pixel: its category allows it, its hosts list Meta's. Default 'meta-pixel'. */
  service?: string;
  /** The page's Content Security Policy nonce. */
  nonce?: string;
  /** Where Meta's script is loaded from. Default: https://connect.facebook.net/en_US/fbevents.js */
  scriptUrl?: string;
}

/** Meta's queueing function as its script expects to find it. */
type Fbq = ((...args: unknown[]) => void) & {
  queue: unknown[][];
  callMethod?: (...args: unknown[]) => void;
  loaded: boolean;
  version: string;
  push: unknown;
};

type FbqWindow = Window & { fbq?: Fbq; _fbq?: Fbq };

/** The pixel's queue: what its script reads when it arrives, and calls directly once it has. */
function fbq(): Fbq {
  const w = window as FbqWindow;
  if (typeof w.fbq === 'function') return w.fbq;
  const queue: Fbq = Object.assign(
    (...args: unknown[]) => {
      if (queue.callMethod) queue.callMethod(...args);
      else queue.queue.push(args);
    },
    { queue: [] as unknown[][], loaded: true, version: '2.0', push: undefined as unknown },
  );
  queue.push = queue;
  w.fbq = queue;
  w._fbq = queue;
  return queue;
}

/** The attached pixels whose service is granted now: `trackMetaPixel` sends only through them. */
const granted = new Set<object>();
/** Pixel ids initialized on this page: `init` once each. */
const initialized = new Set<string>();

const PIXEL_ID = /^\d{6,20}$/;

/**
 * The Meta pixel, with Meta's consent API: `fbq('consent', 'revoke')` before `init`, so that nothing is sent
 * without consent; `grant` and the page view once the service's category is granted, and only then is
 * `fbevents.js` loaded; `revoke` again on withdrawal (the declared `_fbp` cookie is deleted by the storage
 * cleanup). Returns the function that detaches it.
 */
export function metaPixel(store: ConsentStore<string>, options: MetaPixelOptions): () => void {
  if (typeof document === 'undefined') return () => {};
  const service = findService(store, options.service ?? 'meta-pixel');
  if (!service || !PIXEL_ID.test(options.pixelId)) {
    if (process.env.NODE_ENV !== 'production') {
      warn(
        `metaPixel: ${service ? `"${options.pixelId}" is not a pixel id (digits)` : `there is no service "${options.service ?? 'meta-pixel'}" in the policy`}, so the pixel never loads.`,
      );
    }
    return () => {};
  }
  const pixel = fbq();
  if (!initialized.has(options.pixelId)) {
    initialized.add(options.pixelId);
    pixel('consent', 'revoke');
    pixel('init', options.pixelId);
  }
  const handle = {};
  let sentPageView = false;
  const update = () => {
    const now = serviceGranted(store, service);
    if (now && !granted.has(handle)) {
      granted.add(handle);
      pixel('consent', 'grant');
      if (!sentPageView) pixel('track', 'PageView');
      sentPageView = true;
    } else if (!now && granted.has(handle)) {
      granted.delete(handle);
      pixel('consent', 'revoke');
    }
  };
  const unsubscribe = store.subscribe(update);
  update();
  // After the grant and the page view are queued: the script reads the queue in order when it arrives.
  const stop = gateScript(store, {
    service: service.id,
    src: options.scriptUrl ?? 'https://connect.facebook.net/en_US/fbevents.js',
    nonce: options.nonce,
  });
  return () => {
    stop();
    unsubscribe();
    granted.delete(handle);
  };
}

/**
 * A standard or custom event of the shop's ('PageView' on a client-side navigation, 'AddToCart', 'Purchase'),
 * sent only while an attached pixel's service is granted; dropped otherwise, never kept for later.
 */
export function trackMetaPixel(event: string, parameters?: Readonly<Record<string, unknown>>): void {
  if (granted.size === 0 || typeof window === 'undefined') return;
  fbq()('track', event, ...(parameters ? [parameters] : []));
}
