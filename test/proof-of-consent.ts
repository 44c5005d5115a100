/**
 * The fields of a decision record, sorted: what COMPLIANCE E19 asks for (random id, timestamps, policy
 * revision, language, hash of the text shown, each category's state, the action, the privacy signals)
 * and nothing that could identify a visitor.
 */
export const PROOF_OF_CONSENT_FIELDS = [
  'action',
  'choices',
  'decidedAt',
  'expiresAt',
  'id',
  'language',
  'revision',
  'signals',
  'textHash',
] as const;
