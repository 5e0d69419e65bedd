import { DomainError } from "@/lib/core";
import type { RequestMeta } from "@/lib/audit";
import { API_ERROR_CODES } from "@/lib/api";

/** IP and user agent for the audit trail, from the request itself (no Next request context needed). */
export function metaOf(request: Request): RequestMeta {
  const h = request.headers;
  return { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

/** `Authorization: Bearer <token>` → the token; undefined without the header; "" for another scheme. */
export function bearerToken(request: Request): string | undefined {
  const h = request.headers.get("authorization");
  if (h === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : "";
}

/**
 * A change made with the session cookie must come from the portal's own pages (the cookie is sent
 * by the browser to any site's form): refuse a foreign `Origin` or a cross-site fetch.
 */
export function isSameOrigin(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The body, at most `limit` bytes, without buffering past the limit; `api.payload_too_large` beyond. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new DomainError(API_ERROR_CODES.payloadTooLarge, { limit });
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new DomainError(API_ERROR_CODES.payloadTooLarge, { limit });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A JSON body as a value; an empty optional body is `{}`. */
export async function readJson(request: Request, o: { limit: number; optional: boolean }): Promise<unknown> {
  const bytes = await readBody(request, o.limit);
  if (bytes.length === 0 && o.optional) return {};
  const type = mediaType(request);
  if (type !== "application/json" && !type.endsWith("+json")) throw new DomainError(API_ERROR_CODES.unsupportedMediaType, { expected: "application/json" });
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new DomainError(API_ERROR_CODES.invalidJson);
  }
}

/** A multipart/form-data body as `{ field: string | File }` (the first value of each field). */
export async function readMultipart(request: Request, o: { limit: number }): Promise<Record<string, unknown>> {
  if (mediaType(request) !== "multipart/form-data") throw new DomainError(API_ERROR_CODES.unsupportedMediaType, { expected: "multipart/form-data" });
  const bytes = await readBody(request, o.limit);
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new DomainError("validation.failed", { fieldErrors: { _body: "validation.invalid_format" } });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) out[k] ??= v;
  return out;
}

/** Query string → `{ key: first value }`. */
export function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) out[k] ??= v;
  return out;
}
