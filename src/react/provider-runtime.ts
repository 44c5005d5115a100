// What the provider loads on demand, in one chunk: the code that changes the store's state (decisions,
// other tabs, expiry) and the provider's upkeep of the browser's storage (cleanup, development audit).
export * from '../core/consent-changes';
export { maintainStorage } from '../core/storage-upkeep';
