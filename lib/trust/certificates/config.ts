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
