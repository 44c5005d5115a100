import type { ReactNode } from 'react';
import type { loadedMessages, loadedPolicyTexts, preloadMessages } from '../../i18n/load-messages';
import type { useConsentContext } from '../../react/consent-context';
import type { classNames } from './class-names';
import type { PreferencesState } from './preferences-state';
import type { pickLanguage, useShownLanguage } from './use-shown-language';

// What the on-demand panels (banner, dialog, policy page) share with the code that loads them: their props
// and the kit. Types only; a panel imports this module, never its loader, so no import runs in a circle.

/**
 * What the panels use of the page's main chunk, handed to them as a prop (`kit`) rather than imported: a
 * module that both the main chunk and a panel import would go into a chunk of its own, one more download
 * on every first visit.
 */
export interface UiKit {
  readonly useConsentContext: typeof useConsentContext;
  readonly useShownLanguage: typeof useShownLanguage;
  readonly pickLanguage: typeof pickLanguage;
  readonly loadedMessages: typeof loadedMessages;
  readonly preloadMessages: typeof preloadMessages;
  readonly loadedPolicyTexts: typeof loadedPolicyTexts;
  readonly classNames: typeof classNames;
  /** For the banner's Settings button, on hover or focus. */
  readonly preloadDialog: () => void;
}

export interface KitProps {
  kit: UiKit;
}

export interface ConsentBannerProps {
  /** Where the full cookie policy is (the page that renders `<CookiePolicy />`). Default: '/cookies'. */
  policyHref?: string;
  /** Added to the banner's root (`rcp-banner`). */
  className?: string;
  /**
   * Render where it is mounted. By default the banner is placed first in `<body>`, so its buttons come
   * first in the tab order wherever the app mounts it.
   */
  inline?: boolean;
}

export interface PreferencesDialogProps {
  /** Added to the dialog's content element (`rcp-dialog`). */
  className?: string;
}

/** What the dialog's panel gets from its wrapper besides the app's props. */
export interface PreferencesDialogPanelProps extends PreferencesDialogProps {
  preferences: PreferencesState;
  open: boolean;
}

export interface CookiePolicyProps {
  /** Added to the page's root (`rcp-policy`). */
  className?: string;
  /** The level of the policy's title; sections use the next level. Default: 1 (the page's heading). */
  headingLevel?: 1 | 2 | 3;
  /** Shown while the policy page's code loads. Default: nothing. */
  fallback?: ReactNode;
}
