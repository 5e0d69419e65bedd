import { z } from "zod";
import { isDomainError } from "@/lib/platform/core";
import { englishMessage } from "./messages";
import type { TApiError } from "./schemas";
import { fieldErrorsView, signatureVerdictView } from "./views";
import type { SignatureVerdict } from "@/lib/trust/signatures";

/** Codes the API layer itself raises (messages/{kk,ru,en}/api.json). */
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

/** Exact codes whose status the general rules below would not give. */
const EXACT: Record<string, number> = {
  "auth.signed_out": 401,
  "api.unauthorized": 401,
  "api.invalid_token": 401,
  "payments.not_paid": 402,
  "auth.forbidden": 403,
  "auth.no_subject": 403,
  "api.applicants_only": 403,
  "api.cross_origin": 403,
  "errors.not_found": 404,
  "api.payload_too_large": 413,
  "documents.too_large": 413,
  "licences.upload_too_large": 413,
  "api.unsupported_media_type": 415,
  "auth.rate_limited": 429,
  "api.rate_limited": 429,
  "errors.unexpected": 500,
  // The request is fine but the application is no longer in a state that allows it.
  "applications.already_submitted": 409,
  "applications.not_editable": 409,
  "documents.not_editable": 409,
  "payments.already_paid": 409,
  "payments.not_draft": 409,
  "payments.awaiting_confirmation": 409,
  "workflow.already_final": 409,
  "workflow.not_withdrawable": 409,
  "api.too_many_tokens": 409,
  // What was sent is unusable as such (the content of the file, the form, the catalogue codes).
  "applications.form_incomplete": 422,
  "applications.documents_missing": 422,
  "applications.recipient_not_allowed": 422,
  "applications.provider_not_offering": 422,
  "applications.base_licence_required": 422,
  "applications.not_available_online": 422,
  "catalogue.unknown_service": 422,
  "catalogue.variant_not_offered": 422,
  "documents.unsupported_type": 422,
  "documents.mislabelled": 422,
  "documents.empty": 422,
  "documents.unknown_slot": 422,
  "documents.too_many": 422,
};

/**
 * HTTP status of an error code. Rules, first match wins:
 * 1. the table above;
 * 2. `*.not_found` 404, `*.forbidden` 403;
 * 3. `validation.*`, `pki.status.*` (a refused signature) or any error carrying field errors: 422;
 * 4. `*conflict`, `*.stale`, `*stale_state`: 409 (someone else changed the record first);
 * 5. anything else: 400.
 */
export function httpStatusFor(code: string, details?: Record<string, unknown>): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  if (code.endsWith("not_found")) return 404;
  if (code.endsWith(".forbidden")) return 403;
  if (code.startsWith("validation.") || code.startsWith("pki.status.") || (details?.fieldErrors && typeof details.fieldErrors === "object")) return 422;
  if (code.endsWith("conflict") || code.endsWith(".stale") || code.endsWith("stale_state")) return 409;
  return 400;
}

/** zod issues → `{ path: code }` (custom messages that are keys are kept; others become `validation.<issue code>`). */
export function zodFieldCodes(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_body";
    out[key] ??= issue.message.includes(".") && !issue.message.includes(" ") ? issue.message : `validation.${issue.code}`;
  }
  return out;
}

export type TErrorResponse = { status: number; body: TApiError; unexpected: boolean };

function stringRecord(v: unknown): Record<string, string> | null {
  if (!v || typeof v !== "object") return null;
  const entries = Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length ? Object.fromEntries(entries) : null;
}

/**
 * Any thrown value → status and body, in one place. Domain errors keep their code and the details
 * meant for clients (field errors, missing slots, a refused signature); anything else is a 500
 * with only an event id (the caller logs the error under it).
 */
export function toErrorResponse(e: unknown, eventId: string): TErrorResponse {
  if (isDomainError(e)) {
    const details = e.details ?? {};
    const error: TApiError["error"] = { code: e.code, message: englishMessage(e.code, details) };
    const fields = stringRecord(details.fieldErrors);
    if (fields) error.fieldErrors = fieldErrorsView(fields);
    if (Array.isArray(details.slots) && details.slots.every((s) => typeof s === "string")) error.missingSlots = details.slots as string[];
    if (details.signature && typeof details.signature === "object") error.signature = signatureVerdictView(details.signature as SignatureVerdict);
    if (typeof details.retryAfterSeconds === "number") error.retryAfterSeconds = details.retryAfterSeconds;
    return { status: httpStatusFor(e.code, details), body: { error }, unexpected: false };
  }
  if (e instanceof z.ZodError) {
    const fieldErrors = fieldErrorsView(zodFieldCodes(e));
    return { status: 422, body: { error: { code: "validation.failed", message: englishMessage("validation.failed"), fieldErrors } }, unexpected: false };
  }
  return { status: 500, body: { error: { code: "errors.unexpected", message: englishMessage("errors.unexpected"), eventId } }, unexpected: true };
}
