import type { ReactNode } from 'react';
import type { PolicyService } from '../../core/policy';
import type { PolicyTexts } from '../../core/policy-texts';
import type { EmbedMessages } from '../../i18n/embed-texts';
import type { ConsentLanguage } from '../../i18n/languages';
import type { loadedMessages, loadedTexts, preloadMessages } from '../../i18n/load-messages';
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
  readonly loadedTexts: typeof loadedTexts;
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

/** What an embed is, for the words of its placeholder ("Load this video"). */
export type EmbedKind = 'video' | 'map' | 'content';

/** What the embed's placeholder gets from `<ConsentEmbed>`: all it shows, resolved by the wrapper. */
export interface EmbedPlaceholderProps {
  /** The service, as the policy declares it; undefined for an id the policy does not know. */
  service: PolicyService | undefined;
  /** The service id as the shop wrote it. */
  serviceId: string;
  kind: EmbedKind;
  lang: ConsentLanguage;
  /** The placeholder's words in `lang` (`locales/<lang>/consent-embed.json`); null while they load. */
  words: EmbedMessages | null;
  /** The shop's texts in `lang` (service and category names); null while they load, undefined when none. */
  texts: PolicyTexts | null | undefined;
  /** True when the embed cannot be shown whatever the visitor chooses (the wrapper said why in development). */
  blocked: boolean;
  /** "Load": this embed, this page view; nothing recorded. Focus moves to the iframe when it renders. */
  onLoad(): void;
  /** "Always allow": a decision on the service's category, with its record. Focus moves to the iframe. */
  onAllow(): void;
}
