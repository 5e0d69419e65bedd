import { DomainError } from "@/lib/platform/core";
import type { RequestMeta } from "@/lib/platform/audit";
import { clientAddress } from "@/lib/platform/limits";
import { API_ERROR_CODES } from "@/lib/integration/api";
import { readBodyLimited } from "@/app/_server/request-body";

/** IP and user agent for the audit trail, from the request itself (no Next request context needed). */
export function metaOf(request: Request): RequestMeta {
  const h = request.headers;
  return { ip: clientAddress(h.get("x-forwarded-for")), userAgent: h.get("user-agent") };
}

/** `Authorization: Bearer <token>` → the token; undefined without the header; "" for another scheme. */
export function bearerToken(request: Request): string | undefined {
  const h = request.headers.get("authorization");
  if (h === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : "";
}

export { isSameOrigin } from "@/app/_server/request-body";

/** The body, at most `limit` bytes, without buffering past the limit; `api.payload_too_large` beyond. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const body = await readBodyLimited(request, limit);
  if (!body) throw new DomainError(API_ERROR_CODES.payloadTooLarge, { limit });
  return body;
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
