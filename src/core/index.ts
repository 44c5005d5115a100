// Whole modules, not names: a bundler that splits code then needs none of a module the app does not use.
// (With `export { name } from`, esbuild's code splitting loads every re-exported module's chunk as soon as
// the app uses any name of this index.) Modules' helpers that are not public live in modules not listed.
export * from './activate-markup';
export * from './audit';
export * from './consent-logger';
export * from './consent-mode';
export * from './consent-record';
export * from './consent-record-writer';
export * from './consent-store';
export * from './consent-store-types';
export * from './cookie';
export * from './cookie-persistence';
export * from './declared-cookie';
export * from './delete-cookie';
export * from './duration';
export * from './google-tag-manager';
export * from './meta-pixel';
export * from './persistence';
export * from './policy';
export * from './policy-storage';
export * from './policy-texts';
export * from './read-consent-cookie';
export * from './script-gate';
export * from './signals';
export * from './storage-cleanup';
export * from './storage-envelope';
export * from './storage-name';
export * from './sync';
export * from './text-hash';
