import { buildCsp } from "./csp";

/**
 * Per-request response headers of the portal's pages (set by proxy.ts). The static ones every
 * response carries (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options) are in
 * next.config.js; these depend on the request (the nonce) or on the deployment (HTTPS).
 */

export const HSTS = "max-age=63072000; includeSubDomains";

/** The deployment is served over HTTPS: its public URL (NEXTAUTH_URL) is https. */
export function isHttpsDeployment(publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl.trim()).protocol === "https:";
  } catch {
    return false;
  }
}

export type TDeployment = { dev: boolean; https: boolean };

/** What proxy.ts needs from the environment, read once per request (tests pass their own). */
export function deploymentFromEnv(env: Partial<Record<"NODE_ENV" | "NEXTAUTH_URL", string | undefined>>): TDeployment {
  return { dev: env.NODE_ENV === "development", https: isHttpsDeployment(env.NEXTAUTH_URL) };
}

/** HSTS when served over HTTPS, nothing otherwise (a plain-http deployment must not send it). */
export function transportHeaders(d: TDeployment): Record<string, string> {
  return d.https ? { "Strict-Transport-Security": HSTS } : {};
}

/** The page headers for one request: its CSP (with the nonce) and the transport headers. */
export function pageHeaders(nonce: string, d: TDeployment): Record<string, string> {
  return { "Content-Security-Policy": buildCsp({ nonce, dev: d.dev, https: d.https }), ...transportHeaders(d) };
}
