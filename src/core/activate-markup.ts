import type { ConsentStore } from './consent-store-types';
import { addressProblem, findService, insertScript, serviceGranted, watchWithdrawal } from './script-internals';
import { warn } from './warn';

export interface ActivateMarkupOptions {
  /** Where to look, and to watch for elements added later. Default: the whole document. */
  root?: ParentNode & Node;
  /** The page's Content Security Policy nonce, for a tag whose own nonce the browser hides. */
  nonce?: string;
}

/** The attributes that mark a tag for consent: `data-consent-service` names the policy's service. */
const SERVICE = 'data-consent-service';
const SOURCE = 'data-consent-src';
/** An iframe once loaded carries `data-consent-active`: setting its `src` again would reload it. */
const SELECTOR = `script[type="text/plain"][${SERVICE}], iframe[${SOURCE}][${SERVICE}]:not([data-consent-active])`;

/**
 * Turns tags already in the page's HTML (or a CMS's content) into live ones while their service's category
 * is granted, as vanilla-cookieconsent's and klaro's markup does, with attributes of the policy:
 *
 * ```html
 * <script type="text/plain" data-consent-service="adnetwork" data-consent-src="https://pixel.adnetwork.example/tag.js"></script>
 * <script type="text/plain" data-consent-service="google-analytics">window.shopMeasured = true;</script>
 * <iframe data-consent-service="youtube" data-consent-src="https://www.youtube-nocookie.com/embed/…" title="…"></iframe>
 * ```
 *
 * A script runs once (its `data-consent-type="module"` becomes its type, its other attributes stay); an
 * iframe gets its `src` and loses it again on withdrawal. Elements added later are watched for. An address
 * that is not https or not on one of the service's declared hosts, or a service the policy does not
 * declare, never loads. Returns the function that stops (what already runs stays).
 */
export function activateMarkup(store: ConsentStore<string>, options: ActivateMarkupOptions = {}): () => void {
  if (typeof document === 'undefined') return () => {};
  const root = options.root ?? document;

  const activate = (element: Element) => {
    const service = findService(store, element.getAttribute(SERVICE) ?? '');
    const src = element.getAttribute(SOURCE) ?? (element.tagName === 'SCRIPT' ? element.getAttribute('src') : null);
    const problem = !service
      ? `there is no service "${element.getAttribute(SERVICE)}" in the policy`
      : src !== null
        ? addressProblem(src, service)
        : element.tagName === 'IFRAME'
          ? 'an iframe needs data-consent-src'
          : null;
    if (problem || !service) {
      if (process.env.NODE_ENV !== 'production') warn(`activateMarkup: ${problem}, so this tag stays inert.`);
      return;
    }
    if (!serviceGranted(store, service)) return;
    if (element instanceof HTMLIFrameElement) {
      element.src = src as string;
      element.setAttribute('data-consent-active', '');
      return;
    }
    const attributes: Record<string, string> = {};
    for (const { name, value } of element.attributes) {
      if (name !== 'type' && name !== 'src' && !name.startsWith('data-consent-')) attributes[name] = value;
    }
    const type = element.getAttribute('data-consent-type');
    insertScript(
      {
        service: service.id,
        ...(src !== null ? { src, async: element.hasAttribute('async') } : { code: element.textContent ?? '' }),
        ...(type === 'module' ? { type } : {}),
        // The browser hides a parsed tag's nonce from its attribute; the property still has it.
        nonce: (element as HTMLElement).nonce || options.nonce,
        attributes,
      },
      service,
      element,
    );
    watchWithdrawal(store, service);
  };

  const scan = (node: ParentNode & Node) => {
    if (node instanceof Element && node.matches(SELECTOR)) activate(node);
    for (const element of node.querySelectorAll(SELECTOR)) activate(element);
  };

  // An iframe that was allowed is unloaded when its category is refused: unlike a script, it can be.
  const unload = () => {
    for (const frame of root.querySelectorAll(`iframe[data-consent-active][${SERVICE}]`)) {
      const service = findService(store, frame.getAttribute(SERVICE) ?? '');
      if (service && !serviceGranted(store, service)) {
        frame.removeAttribute('data-consent-active');
        (frame as HTMLIFrameElement).src = 'about:blank';
      }
    }
  };

  const update = () => {
    unload();
    scan(root);
  };
  const unsubscribe = store.subscribe(update);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
  return () => {
    unsubscribe();
    observer.disconnect();
  };
}
