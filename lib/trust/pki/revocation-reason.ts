/** RFC 5280 5.3.1 CRLReason codes (7 is unused; removeFromCRL is for delta CRLs only). */
export const REVOCATION_REASONS = {
  unspecified: 0,
  key_compromise: 1,
  ca_compromise: 2,
  affiliation_changed: 3,
  superseded: 4,
  cessation_of_operation: 5,
  certificate_hold: 6,
  privilege_withdrawn: 9,
  aa_compromise: 10,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export const REVOCATION_REASON_NAMES = Object.keys(REVOCATION_REASONS) as [RevocationReason, ...RevocationReason[]];

export function reasonFromCode(code: number): RevocationReason {
  const found = (Object.entries(REVOCATION_REASONS) as [RevocationReason, number][]).find(([, c]) => c === code);
  return found ? found[0] : "unspecified";
}
