/**
 * Demo EDS data of the sandbox CA (documented in README "Demo EDS certificates"). The seed
 * (prisma/seed/demo-certificates.ts) issues the key stores; the demo page shows this password.
 */

/** Password of every demo PKCS#12 key store. */
export const DEMO_EDS_PASSWORD = "Demo-Eds-2026";

/** Validity of the demo certificates: 2025-01-01 00:00 to 2028-12-31 23:59:59, Almaty time. */
export const DEMO_EDS_VALIDITY = {
  notBefore: new Date("2025-01-01T00:00:00+05:00"),
  notAfter: new Date("2028-12-31T23:59:59+05:00"),
} as const;

/**
 * Invented BINs of the service providers whose officers sign decisions in the demo (valid
 * check digits; the real bodies' BINs are not in the organisation data yet). Organisation
 * code → BIN; it is the OU=BIN… of the officers' certificates.
 */
export const DEMO_ORGANISATION_BINS: Readonly<Record<string, string>> = {
  committee: "040540001508",
  aktobe: "990440001204",
  atyrau: "990540002404",
  "east-kazakhstan": "001240003102",
  // Public Service Centres (their operators certify scans with the centre's BIN [004 L645-648]).
  "psc-aktobe": "071240001109",
  "psc-atyrau": "071240002107",
  "psc-east-kazakhstan": "071240003105",
  "psc-west-kazakhstan": "071240004103",
  "psc-astana": "071240005101",
};
