import type { ReactNode } from 'react';
import { policyPart, usePart } from './lazy-parts';

export interface CookiePolicyProps {
  /** Added to the page's root (`rcp-policy`). */
  className?: string;
  /** The level of the policy's title; sections use the next level. Default: 1 (the page's heading). */
  headingLevel?: 1 | 2 | 3;
  /** Shown while the policy page's code loads. Default: nothing. */
  fallback?: ReactNode;
}

/**
 * The cookie policy page: the policy text in the visitor's language, the categories, services and
 * storage items of the policy with their lifetimes, browser guides and the visitor's consent receipt.
 * Its code loads on its own, only where it is rendered.
 */
export function CookiePolicy({ fallback = null, ...props }: CookiePolicyProps) {
  return usePart(policyPart, true, props, fallback);
}
