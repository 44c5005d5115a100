// Whole modules, not names (see core/index.ts): an app that uses one hook never loads another's chunks.
export * from './consent-context';
export * from './consent-gate';
export * from './consent-provider';
export * from './consent-script';
export * from './google-analytics';
export * from './google-tag-manager';
export * from './meta-pixel';
export * from './tracked-pixel';
export * from './use-consent';
export * from './use-consented-storage';
export * from './use-tracked-pixel';
