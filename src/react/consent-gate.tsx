import type { ReactNode } from 'react';
import type { Category } from '../core/policy';
import { useConsent } from './use-consent';

export interface ConsentGateProps {
  category: Category;
  /** Rendered while the category is not granted. Default: nothing. */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Renders its children only while `category` is granted; they unmount the moment it is withdrawn. */
export function ConsentGate({ category, fallback, children }: ConsentGateProps) {
  return useConsent(category) ? children : fallback;
}
