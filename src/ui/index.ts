export type { ConsentBannerProps } from './consent-banner';
export { ConsentBanner } from './consent-banner';
export type { CookiePolicyProps } from './cookie-policy';
export { CookiePolicy } from './cookie-policy';
export type { CookieSettingsButtonProps } from './cookie-settings-button';
export { CookieSettingsButton } from './cookie-settings-button';
export { preloadPreferencesDialog } from './lazy-parts';
export type { PreferencesDialogProps } from './preferences-dialog';
export { PreferencesDialog } from './preferences-dialog';
