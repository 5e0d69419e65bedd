import { NextRequest } from "next/server";
import { isSafeText, UNSAFE_TEXT_CODE, type ErrorCode } from "@/lib/platform/core";
import { readBodyLimited } from "./request-body";
import { refuse } from "./route";

/** Sign-in forms are a login, a password or a CMS signature of a 32-byte challenge: 16 KiB is plenty (issue 13 F9). */
export const AUTH_BODY_LIMIT = 16 * 1024;

/**
 * A `callbackUrl` next-auth may redirect to: a path on this portal ("/kk/cabinet", not "//evil" or
 * "/\evil"), or an absolute URL of the portal's own origin. Anything else would make next-auth's
 * default redirect parse it (a 500 on "http://[") or leave the site.
 */
export function isSafeCallbackUrl(value: string, ownHosts: ReadonlySet<string>): boolean {
  if (!isSafeText(value) || value.length > 2000) return false;
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\") && !/[\r\n\t]/.test(value);
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && ownHosts.has(u.host);
  } catch {
    return false;
  }
}

/** The portal's own hosts: NEXTAUTH_URL's, and the one the browser used (next-auth's client sends its page URL). */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>([new URL(request.url).host]);
  for (const h of [request.headers.get("host"), request.headers.get("x-forwarded-host")]) if (h) hosts.add(h.trim());
  try {
    const configured = process.env.NEXTAUTH_URL?.trim();
    if (configured) hosts.add(new URL(configured).host);
  } catch {
    // a malformed NEXTAUTH_URL adds nothing
  }
  return hosts;
}

/** Unsafe text, or a callbackUrl that is not the portal's own: the code to refuse with, else null. */
function problemOf(fields: Iterable<[string, string]>, hosts: ReadonlySet<string>): ErrorCode | null {
  for (const [k, v] of fields) {
    if (!isSafeText(k) || !isSafeText(v)) return UNSAFE_TEXT_CODE;
    if (k === "callbackUrl" && !isSafeCallbackUrl(v, hosts)) return "validation.invalid_format";
  }
  return null;
}

const refusal = (code: ErrorCode, field: string) => refuse(code, {}, { fieldErrors: { [field]: code } });

/**
 * next-auth's endpoints answer 4xx to what they cannot use, before next-auth sees it (issue 13 F3/F9):
 * a body over 16 KiB → 413; a POST that is not a form (next-auth's own client posts
 * `application/x-www-form-urlencoded`; a JSON body made it throw) → 415; a query or form value with
 * NUL / a lone surrogate → 422 `validation.unsafe_text`; a foreign or unparsable `callbackUrl` → 422.
 * Otherwise the request is handed on with the body already read (a fresh `NextRequest`).
 */
export async function guardAuthRequest(request: Request): Promise<{ refused: Response } | { request: NextRequest }> {
  const hosts = ownHosts(request);
  const url = new URL(request.url);
  const queryProblem = problemOf(url.searchParams, hosts);
  if (queryProblem) return { refused: refusal(queryProblem, "_query") };
  if (request.method !== "POST") return { request: request instanceof NextRequest ? request : new NextRequest(request) };

  const bytes = await readBodyLimited(request, AUTH_BODY_LIMIT);
  if (!bytes) return { refused: refuse("api.payload_too_large", {}, { limit: AUTH_BODY_LIMIT }) };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (bytes.length > 0 && type !== "application/x-www-form-urlencoded") return { refused: refuse("api.unsupported_media_type", {}, { expected: "application/x-www-form-urlencoded" }) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: refusal("validation.invalid_format", "_body") };
  }
  const bodyProblem = problemOf(new URLSearchParams(text), hosts);
  if (bodyProblem) return { refused: refusal(bodyProblem, "_body") };
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return { request: new NextRequest(request.url, { method: "POST", headers, body: text }) };
}
