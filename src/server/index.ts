// react-consent-policy/server: the consent log, for Node 20+ (no React, no DOM), and the banner's preload hints.
export {
  type BannerPreloadOptions,
  type BuildManifest,
  bannerPreloadHrefs,
  type ManifestChunk,
} from './banner-preload';
export { canonicalJson } from './canonical-json';
export { createConsentLog } from './consent-log';
export type {
  ConsentLog,
  ConsentLogOptions,
  DayStats,
  RateLimitOptions,
  StoredRecord,
  TimeBound,
  TimeRange,
  VerifyResult,
} from './consent-log-types';
export { nodeListener } from './node-listener';
