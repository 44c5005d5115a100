import { auditRows, auditStorage } from './audit';
import type { Choices } from './consent-store-types';
import type { Policy } from './policy';

/** Logs an audit's findings as a table, when there are any (in development the provider calls it once per store). */
export function logStorageAudit<C extends string>(policy: Policy<C>, snapshot: { readonly choices: Choices<C> }): void {
  const audit = auditStorage(policy, snapshot);
  if (audit.clean) return;
  console.warn(
    'react-consent-policy: this browser holds storage that the cookie policy does not allow. Declare it in definePolicy, gate the code that writes it, or write it through the policy storage.',
  );
  console.table(auditRows(audit));
}
