/**
 * Object identifiers used by NCA RK certificates and by this module.
 * Purpose and role are carried by extensions (keyUsage, extKeyUsage, certificatePolicies),
 * never by name attributes.
 */
export const OID = {
  // Name attributes
  commonName: "2.5.4.3",
  surname: "2.5.4.4",
  serialNumber: "2.5.4.5",
  country: "2.5.4.6",
  locality: "2.5.4.7",
  state: "2.5.4.8",
  organisation: "2.5.4.10",
  organisationalUnit: "2.5.4.11",
  givenName: "2.5.4.42",
  email: "1.2.840.113549.1.9.1",

  // Certificate extensions
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  crlReason: "2.5.29.21",
  crlDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",

  // Extended key usages
  clientAuth: "1.3.6.1.5.5.7.3.2",
  emailProtection: "1.3.6.1.5.5.7.3.4",

  // CMS
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  /** ESS signing-certificate-v2 (RFC 5035), id-aa 47. */
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  /** RFC 3161 time-stamp token as an unsigned attribute (id-aa 14). */
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  timeStamping: "1.3.6.1.5.5.7.3.8",

  // Algorithms
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha384WithRsa: "1.2.840.113549.1.1.12",
  sha512WithRsa: "1.2.840.113549.1.1.13",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  ecdsaWithSha512: "1.2.840.10045.4.3.4",
} as const;

/** Subject role, carried as an extKeyUsage OID by NCA RK. */
export const ROLE_OID = {
  individual: "1.2.398.3.3.4.1.1",
  legalEntity: "1.2.398.3.3.4.1.2",
  firstHead: "1.2.398.3.3.4.1.2.1",
  signer: "1.2.398.3.3.4.1.2.2",
  employee: "1.2.398.3.3.4.1.2.5",
} as const;

/**
 * Certificate policies (our documented mapping, see README):
 * .1 signing (EDS) of legal entities, .2 authentication of legal entities,
 * .3 signing of individuals, .4 authentication of individuals.
 */
export const POLICY_OID = {
  legalEntitySigning: "1.2.398.3.3.2.1",
  legalEntityAuthentication: "1.2.398.3.3.2.2",
  individualSigning: "1.2.398.3.3.2.3",
  individualAuthentication: "1.2.398.3.3.2.4",
} as const;

export const SIGNING_POLICIES: readonly string[] = [POLICY_OID.legalEntitySigning, POLICY_OID.individualSigning];
export const AUTHENTICATION_POLICIES: readonly string[] = [
  POLICY_OID.legalEntityAuthentication,
  POLICY_OID.individualAuthentication,
];
