/** Whether a declared name (with `*` wildcards) matches an actual cookie or storage key. */
export function matchesStorageName(declared: string, actual: string): boolean {
  if (!declared.includes('*')) return declared === actual;
  const parts = declared.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(actual);
}
