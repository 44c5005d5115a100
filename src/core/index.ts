export type { AuditedItem, AuditOptions, AuditProblem, StorageAudit, StoredItem } from './audit';
export { auditRows, auditStorage, deleteStoredItem, findDeclaration, readBrowserStorage } from './audit';
export type { CookieScope } from './browser-storage';
export { deleteCookie } from './browser-storage';
export type { ConsentLogger, ConsentLoggerOptions } from './consent-logger';
export { createConsentLogger } from './consent-logger';
export type { ConsentModeMapping, ConsentModeOptions, GoogleConsentState, GoogleConsentType } from './consent-mode';
export { consentModeBridge, DEFAULT_CONSENT_MODE_MAPPING, googleConsentState, gtag } from './consent-mode';
export type { ConsentAction, ConsentRecord, PrivacySignals, RecordContext } from './consent-record';
export { decodeRecord } from './consent-record';
export { encodeRecord, randomId } from './consent-record-writer';
export type {
  Choices,
  ConsentSnapshot,
  ConsentStatus,
  ConsentStore,
  ConsentStoreOptions,
} from './consent-store';
export { createConsentStore } from './consent-store';
export type { CookieAttributes } from './cookie';
export { cookieNames, readCookie, serializeCookie } from './cookie';
export { cookiePersistence } from './cookie-persistence';
export type { Duration, DurationParts, DurationUnit } from './duration';
export { DURATION_UNITS, durationParts, parseDuration, toMilliseconds } from './duration';
export type { ConsentPersistence } from './persistence';
export { memoryPersistence } from './persistence';
export type {
  Category,
  CategoryConfig,
  CategoryOf,
  CookieOptions,
  Party,
  Policy,
  PolicyCategory,
  PolicyConfig,
  PolicyService,
  PolicyStorageItem,
  Register,
  RegisteredPolicy,
  ServiceConfig,
  StorageItemConfig,
  StorageKind,
} from './policy';
export { definePolicy, PolicyError } from './policy';
export type {
  PolicyStorage,
  PolicyStorageOptions,
  PolicyStorageSetOptions,
  PolicyStorageTarget,
} from './policy-storage';
export { createPolicyStorage } from './policy-storage';
export { readConsentCookie } from './server';
export { readPrivacySignals } from './signals';
export { attachStorageCleanup, deleteDeclaredStorage } from './storage-cleanup';
export type { StoredEnvelope } from './storage-envelope';
export { decodeStoredValue, encodeStoredValue } from './storage-envelope';
export { matchesStorageName } from './storage-name';
export type { SyncMessage, SyncTransport } from './sync';
export { browserSync } from './sync';
export { sha256Hex } from './text-hash';
