import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { isDomainError } from "@/lib/platform/core";
import { logger } from "@/lib/platform/log";

/** HTTP status per error code for the file routes; the body is the ActionResult failure shape. */
const STATUS: Record<string, number> = {
  "auth.signed_out": 401,
  "auth.forbidden": 403,
  "errors.not_found": 404,
  "documents.not_editable": 409,
  "documents.too_large": 413,
  "documents.unsupported_type": 415,
  "documents.mislabelled": 415,
  "documents.unknown_slot": 422,
  "documents.empty": 422,
  "documents.too_many": 422,
  "validation.failed": 422,
};

export function failure(code: string, status = STATUS[code] ?? 400, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ ok: false, code, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Domain errors become their code; anything else is logged and answered without details. */
export function errorResponse(e: unknown, what: string) {
  if (isDomainError(e)) return failure(e.code);
  const eventId = randomUUID();
  logger.error({ err: e, eventId }, `unexpected error in ${what}`);
  return failure("errors.unexpected", 500, { eventId });
}

export { isSameOrigin } from "@/app/_server/request-body";
