import type { StorageKind } from './policy';

/** The page's localStorage or sessionStorage, or null where it is missing or blocked (it throws then). */
export function webStorage(kind: Exclude<StorageKind, 'cookie'>): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** The keys of a Web Storage area, read before anything is removed from it. */
export function storageKeys(area: Storage | null): string[] {
  const keys: string[] = [];
  try {
    for (let index = 0; area && index < area.length; index++) keys.push(area.key(index) as string);
  } catch {
    // A storage that throws holds nothing we can reach.
  }
  return keys;
}
