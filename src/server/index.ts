// react-consent-policy/server: the consent log, for Node 20+ (no React, no DOM).
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
