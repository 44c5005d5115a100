import type { PolicyService } from './policy';

/** Why an address may not be loaded for a service. */
export type AddressFault = 'not-absolute' | 'not-https' | 'undeclared-host';

/**
 * Whether a service may load an address: an absolute https address on one of the hosts the service declares
 * (the policy page names the hosts a service sends to: anything elsewhere would send where the page does
 * not say; host names compare without case). The one check for scripts, marked-up tags and embeds.
 */
export function addressFault(src: string, service: Pick<PolicyService, 'hosts'>): AddressFault | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return 'not-absolute';
  }
  if (url.protocol !== 'https:') return 'not-https';
  return service.hosts.some((host) => host.toLowerCase() === url.hostname) ? null : 'undeclared-host';
}
