// What the script gate, the markup activation and the Meta pixel share: not public (see core/index.ts).
import type { ConsentStore } from './consent-store-types';
import { addressFault } from './declared-address';
import type { PolicyService } from './policy';

/** A third-party script that may run only while its service's category is granted. */
export interface GatedScript {
  /** The id of the policy's service the script belongs to: its category allows it, its hosts list `src`'s. */
  service: string;
  /** An https address on one of the service's declared hosts. Give `src` or `code`, not both. */
  src?: string;
  /** Inline code, for a snippet the service gives to paste. */
  code?: string;
  /** The page's Content Security Policy nonce: a strict policy runs no script inserted without it. */
  nonce?: string;
  /** Default true (for `src`): the page does not wait for it. */
  async?: boolean;
  /** `'module'` for an ES module; a classic script otherwise. */
  type?: 'module';
  /** More attributes (`id`, `data-*`, `crossorigin`): never an event handler, `src`, `type` or `nonce`. */
  attributes?: Readonly<Record<string, string>>;
  /** Runs right before the script is inserted (once per page), e.g. a tag manager's start event. */
  beforeInsert?: () => void;
}

/** The scripts this page has run, by what they run: a script cannot be unloaded, so each runs once. */
export const onPage = new Set<string>();
/** Per store, the services whose scripts ran on this page: watched for a withdrawal for the page's life. */
const watched = new WeakMap<object, Set<string>>();

const FORBIDDEN_ATTRIBUTE = /^(on|src$|type$|nonce$)/i;

/** The service of the policy with that id, or undefined. */
export function findService(store: ConsentStore<string>, id: string): PolicyService | undefined {
  return store.policy.services.find((service) => service.id === id);
}

/** Whether the service's category is granted now (a privacy signal included: the snapshot applies it). */
export function serviceGranted(store: ConsentStore<string>, service: PolicyService): boolean {
  return store.getSnapshot().choices[service.category] === true;
}

/** Why a service may not load an address, in words for the development warning; null when it may. */
export function addressProblem(src: string, service: PolicyService): string | null {
  const fault = addressFault(src, service);
  if (fault === 'not-absolute') return `"${src}" is not an absolute address`;
  if (fault === 'not-https') return `"${src}" is not https`;
  if (fault === 'undeclared-host') {
    return `${new URL(src).hostname} is not among the hosts service "${service.id}" declares (${service.hosts.join(', ') || 'none'})`;
  }
  return null;
}

/**
 * After the script of a service has run on the page, keeps the policy's promise on withdrawal: the
 * service's `onWithdraw` (its own revoke call, or a reload once the decision is stored) each time its
 * category goes from granted to refused. The declared storage is deleted by the storage cleanup as always.
 */
export function watchWithdrawal(store: ConsentStore<string>, service: PolicyService): void {
  const services = watched.get(store) ?? new Set<string>();
  watched.set(store, services);
  if (services.has(service.id)) return;
  services.add(service.id);
  let granted = serviceGranted(store, service);
  store.subscribe(() => {
    const now = serviceGranted(store, service);
    if (granted && !now) {
      const hook = service.onWithdraw;
      if (hook === 'reload') {
        // After the other subscribers (the cleanup) and onDecision: the decision is already stored.
        setTimeout(() => location.reload(), 0);
      } else if (hook) {
        try {
          hook();
        } catch (error) {
          console.error(`react-consent-policy: onWithdraw of service "${service.id}" threw`, error);
        }
      }
    }
    granted = now;
  });
}

/** Makes the live script element; `replacing` lends its place in the document (markup activation). */
export function insertScript(script: GatedScript, service: PolicyService, replacing?: Element): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(script.attributes ?? {})) {
    if (!FORBIDDEN_ATTRIBUTE.test(name)) element.setAttribute(name, value);
  }
  if (script.type) element.type = script.type;
  if (script.src !== undefined) {
    element.src = script.src;
    element.async = script.async ?? true;
  } else element.text = script.code ?? '';
  if (script.nonce) element.setAttribute('nonce', script.nonce);
  element.setAttribute('data-consent-service', service.id);
  script.beforeInsert?.();
  if (replacing) replacing.replaceWith(element);
  else document.head.appendChild(element);
  return element;
}
