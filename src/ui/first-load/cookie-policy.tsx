import type { CookiePolicyProps } from './panel-contract';
import { policyPanel, usePanel } from './panel-loader';

export type { CookiePolicyProps } from './panel-contract';

/**
 * The cookie policy page: the policy text in the visitor's language, the categories, services and
 * storage items of the policy with their lifetimes, browser guides and the visitor's consent receipt.
 * Its code loads on its own, only where it is rendered.
 */
export function CookiePolicy({ fallback = null, ...props }: CookiePolicyProps) {
  return usePanel(policyPanel, true, props, fallback);
}
