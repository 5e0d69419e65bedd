import { passwordSignInGate, signInAddressLimiter } from "@/lib/platform/auth";
import { isDomainError } from "@/lib/platform/core";
import { clientAddress } from "@/lib/platform/limits";
import { getDb } from "./db";
import { readBodyLimited } from "./request-body";
import { errorJson, refuse } from "./route";

/** The sign-in form is a login and a password (and next-auth's CSRF token): 16 KiB is plenty (F9). */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

function loginOf(body: Uint8Array, contentType: string): string | null {
  const text = new TextDecoder().decode(body);
  if (contentType.includes("application/json")) {
    try {
      const v: unknown = JSON.parse(text);
      return v && typeof v === "object" && typeof (v as { login?: unknown }).login === "string" ? (v as { login: string }).login : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(text).get("login");
}

/**
 * Before next-auth judges a password: the body is bounded, and a throttled login or address gets
 * 429 with `Retry-After` (audited in `passwordSignInGate`). The answer keeps next-auth's JSON shape
 * (`url` with `?error=auth.rate_limited`) so that `signIn(…, { redirect: false })` reports the code.
 * Returns the body read (to hand on to next-auth) or the refusal.
 */
export async function gatePasswordSignIn(request: Request): Promise<{ body: Uint8Array } | { refused: Response }> {
  const body = await readBodyLimited(request, SIGN_IN_BODY_LIMIT);
  if (!body) return { refused: refuse("api.payload_too_large", {}, { limit: SIGN_IN_BODY_LIMIT }) };
  const login = loginOf(body, request.headers.get("content-type") ?? "");
  if (!login) return { body };
  const now = new Date();
  const meta = { ip: clientAddress(request.headers.get("x-forwarded-for")), userAgent: request.headers.get("user-agent") };
  try {
    await passwordSignInGate(getDb(), { login: login.slice(0, 200), now, meta, addressLimiter: signInAddressLimiter() });
    return { body };
  } catch (e) {
    if (!isDomainError(e) || e.code !== "auth.rate_limited") return { refused: errorJson(e, "sign-in gate") };
    const retryAfter = String((e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60);
    const answer = errorJson(e, "sign-in gate", { "Retry-After": retryAfter });
    const error = (await answer.json()) as { error: unknown };
    const url = new URL("/api/auth/error", request.url);
    url.searchParams.set("error", "auth.rate_limited");
    return { refused: Response.json({ url: url.toString(), ...error }, { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": retryAfter } }) };
  }
}
