/** Where the encoded consent is kept. Any method may throw: the store then carries on in memory. */
export interface ConsentPersistence {
  read(): string | null;
  /** `maxAge` in milliseconds. */
  write(value: string, maxAge: number): void;
  clear(): void;
}

/** Keeps the consent in memory only (servers, tests, browsers that refuse cookies). */
export function memoryPersistence(initial: string | null = null): ConsentPersistence {
  let value = initial;
  return {
    read: () => value,
    write: (next) => {
      value = next;
    },
    clear: () => {
      value = null;
    },
  };
}
