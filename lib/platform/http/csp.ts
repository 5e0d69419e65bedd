/**
 * The Content-Security-Policy of the portal's pages (issue 13, F6): scripts only by a per-request
 * nonce, with `'strict-dynamic'` so that the scripts Next.js loads trust-propagate from its nonced
 * bootstrap (the approach of Next's own guide, proxy.ts sets it). No `'unsafe-inline'` and no
 * `'unsafe-eval'` for scripts in production; `next dev` needs `'unsafe-eval'` (React rebuilds
 * server error stacks with eval), and only it. Styles keep `'unsafe-inline'`: React renders
 * `style` attributes (charts, progress bars), and style injection cannot run code.
 */

export type TCspOptions = {
  /** The request's nonce (base64, ≥ 128 bits of randomness; see `newNonce`). */
  nonce: string;
  /** `next dev`: allow `'unsafe-eval'` for scripts. */
  dev?: boolean;
  /** Served over HTTPS (NEXTAUTH_URL is https): add `upgrade-insecure-requests`. */
  https?: boolean;
};

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** A fresh nonce: 16 random bytes, base64 (Web Crypto, so it runs in the proxy as well). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The directives as [name, sources] pairs, in the order they are sent. */
export function cspDirectives(o: TCspOptions): [string, string[]][] {
  if (!NONCE.test(o.nonce)) throw new Error("CSP nonce must be base64 of at least 12 bytes");
  return [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", ...(o.dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    // Same-origin fetches only: the EDS challenge, uploads, server actions (and the dev server's
    // hot-reload socket: CSP 3 'self' covers ws: on the same host).
    ["connect-src", ["'self'"]],
    // The sandbox payment gateway's page is a portal page (same origin); a real gateway is reached
    // by a top-level navigation, which CSP does not restrict.
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    // Only the portal's own documents are framed (the head's draft licence preview); no Web
    // Workers either (node-forge signs on the main thread; worker-src falls back to script-src).
    ["frame-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ...(o.https ? ([["upgrade-insecure-requests", []]] as [string, string[]][]) : []),
  ];
}

/** The header value: `default-src 'self'; script-src 'self' 'nonce-…' 'strict-dynamic'; …`. */
export function buildCsp(o: TCspOptions): string {
  return cspDirectives(o)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** The nonce of a policy built by `buildCsp` (what Next.js itself reads from the request header). */
export function nonceOf(csp: string): string | null {
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? null;
}
