import { classifyError } from "@/lib/platform/core";
import { englishMessage } from "./messages";
import type { TApiError } from "./schemas";
import { fieldErrorsView, signatureVerdictView } from "./views";
import type { SignatureVerdict } from "@/lib/trust/signatures";

/** Codes the API layer itself raises (messages/{kk,ru,en}/api.json); statuses in lib/platform/core/error-codes.ts. */
export const API_ERROR_CODES = {
  unauthorized: "api.unauthorized",
  invalidToken: "api.invalid_token",
  applicantsOnly: "api.applicants_only",
  crossOrigin: "api.cross_origin",
  rateLimited: "api.rate_limited",
  invalidJson: "api.invalid_json",
  unsupportedMediaType: "api.unsupported_media_type",
  payloadTooLarge: "api.payload_too_large",
  tooManyTokens: "api.too_many_tokens",
} as const;

export type TErrorResponse = { status: number; body: TApiError; unexpected: boolean };

/**
 * Any thrown value → status and body, in one place: the action wrapper, every route handler and
 * /api/v1 answer through it (one shape: `{ error: { code, message, … } }`). Domain errors keep their
 * code, registered status and the details meant for clients (field errors, missing slots, a refused
 * signature); anything else is a 500 with only an event id (the caller logs the error under it).
 */
export function toErrorResponse(e: unknown, eventId: string): TErrorResponse {
  const c = classifyError(e);
  if (c.unexpected) return { status: 500, body: { error: { code: c.code, message: englishMessage(c.code), eventId } }, unexpected: true };
  const error: TApiError["error"] = { code: c.code, message: englishMessage(c.code, c.details) };
  if (c.fieldErrors) error.fieldErrors = fieldErrorsView(c.fieldErrors);
  const { slots, signature, retryAfterSeconds } = c.details;
  if (Array.isArray(slots) && slots.every((s) => typeof s === "string")) error.missingSlots = slots as string[];
  if (signature && typeof signature === "object") error.signature = signatureVerdictView(signature as SignatureVerdict);
  if (typeof retryAfterSeconds === "number") error.retryAfterSeconds = retryAfterSeconds;
  return { status: c.status, body: { error }, unexpected: false };
}

/** The field codes of a response body (what a portal form shows next to each field). */
export function fieldCodesOf(body: TApiError): Record<string, string> | undefined {
  const f = body.error.fieldErrors;
  return f ? Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.code])) : undefined;
}
