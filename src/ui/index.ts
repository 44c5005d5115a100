// Whole modules, as in core/index.ts: each module here holds public names only.
export * from './first-load/consent-banner';
export * from './first-load/consent-embed';
export * from './first-load/cookie-policy';
export * from './first-load/cookie-settings-button';
export * from './first-load/embed-urls';
export * from './first-load/preferences-dialog';
export type { PreferencesState } from './first-load/preferences-state';
