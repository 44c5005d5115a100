import { useCallback, useSyncExternalStore } from 'react';

/**
 * A JSON value in localStorage that components can subscribe to. Writes from other tabs arrive through
 * the `storage` event. A browser that refuses storage gets a value that lives for this page only.
 */
export interface LocalValue<T> {
  get(): T;
  set(next: T): void;
  remove(): void;
  subscribe(listener: () => void): () => void;
}

export function createLocalValue<T>(key: string, fallback: T): LocalValue<T> {
  const listeners = new Set<() => void>();
  let raw: string | null | undefined;
  let parsed: T = fallback;
  let memory: string | null = null;

  const read = (): string | null => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return memory;
    }
  };
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) notify();
  };

  return {
    get() {
      const current = read();
      if (current !== raw) {
        raw = current;
        try {
          parsed = current === null ? fallback : (JSON.parse(current) as T);
        } catch {
          parsed = fallback;
        }
      }
      return parsed;
    },
    set(next) {
      const value = JSON.stringify(next);
      memory = value;
      try {
        window.localStorage.setItem(key, value);
      } catch {
        // Storage is full or blocked: the value lives in memory for this page.
      }
      notify();
    },
    remove() {
      memory = null;
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing to remove where storage is blocked.
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
  };
}

export function useLocalValue<T>(value: LocalValue<T>, fallback: T): [T, (next: T) => void] {
  const current = useSyncExternalStore(value.subscribe, value.get, () => fallback);
  const set = useCallback((next: T) => value.set(next), [value]);
  return [current, set];
}
