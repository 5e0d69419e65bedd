/**
 * Where the portal publishes its sandbox CA material. Read from the environment at the edge of
 * the module (like lib/platform/db reads DATABASE_URL); every function also accepts an explicit value.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Public base URL of the portal, without a trailing slash. */
export function publicBaseUrl(env: Env = process.env): string {
  const base = env.PUBLIC_BASE_URL || env.NEXTAUTH_URL || "http://localhost:3000";
  return base.replace(/\/+$/, "");
}

/** CRL distribution point written into every certificate the sandbox CA issues. */
export function sandboxCrlUrl(env: Env = process.env): string {
  return `${publicBaseUrl(env)}/api/pki/crl`;
}

/**
 * Where licence signatures get their RFC 3161 time-stamp (PAdES B-T): `TSA_URL`, unset = none (B-B).
 * `sandbox` = the portal's own sandbox TSA called in-process (the same DER protocol as
 * `POST /api/pki/tsa`, without a network hop to itself).
 */
export function timeStampUrl(env: Env = process.env): string | null {
  const v = env.TSA_URL?.trim();
  return v ? v : null;
}
