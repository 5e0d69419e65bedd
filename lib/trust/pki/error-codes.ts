/** Every DomainError code lib/trust/pki throws; each is a key of messages/<locale>/pki.json. */
export const PKI_ERROR_CODES = [
  "pki.input_too_large",
  "pki.unsupported_format",
  "pki.wrong_password",
  "pki.not_pkcs12",
  "pki.no_key",
  "pki.no_certificate",
  "pki.unsupported_algorithm",
  "pki.wrong_key_usage",
  "pki.key_mismatch",
  "pki.invalid_request",
  "pki.invalid_issue_request",
  "pki.validity_outside_ca",
  "pki.unknown_serial",
  "pki.already_revoked",
  "pki.revocation_unavailable",
  "pki.crl_invalid",
  "pki.invalid_trust_anchor",
  "pki.ca_state_invalid",
  "pki.not_supported",
  "pki.invalid_csr",
  "pki.password_too_short",
  "pki.password_too_long",
  "pki.password_mismatch",
  "pki.key_generation_failed",
] as const;

export type PkiErrorCode = (typeof PKI_ERROR_CODES)[number];
