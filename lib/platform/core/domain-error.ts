import { z } from "zod";
import { httpStatusOf, type ErrorCode } from "./error-codes";

/**
 * The one error type that may reach a user. `code` is a registered error code (error-codes.ts)
 * and doubles as the next-intl key, so lib never carries sentences (style.md "Do" 6).
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details?: Record<string, unknown>;

  constructor(code: C, details?: Record<string, unknown>) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

/** A refusal that belongs to one form field: the field shows the same code as its message. */
export function fieldError(code: ErrorCode, field: string): never {
  throw new DomainError(code, { fieldErrors: { [field]: code } });
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** zod issues → `{ path: message key }` (custom messages that are keys are kept; others become `validation.<issue code>`). */
export function zodFieldCodes(error: z.ZodError, rootKey = "_form"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || rootKey;
    out[key] ??= /^[a-z][\w-]*(\.[\w-]+)+$/.test(issue.message) ? issue.message : `validation.${issue.code}`;
  }
  return out;
}

/** What the edge needs to answer any thrown value; the one classification every boundary uses. */
export type TClassifiedError =
  | { unexpected: false; code: ErrorCode; status: number; details: Record<string, unknown>; fieldErrors?: Record<string, string> }
  | { unexpected: true; code: "errors.unexpected"; status: 500; details: Record<string, never> };

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== "object") return undefined;
  const entries = Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Domain errors keep their code and status (an error carrying field errors is a 422: the content
 * as sent is unusable); zod errors are `validation.failed` with field codes; anything else is
 * unexpected (the caller logs it under an event id and answers without details).
 */
export function classifyError(e: unknown): TClassifiedError {
  if (isDomainError(e)) {
    const details = e.details ?? {};
    const fieldErrors = stringRecord(details.fieldErrors);
    const status = fieldErrors && httpStatusOf(e.code) === 400 ? 422 : httpStatusOf(e.code);
    return { unexpected: false, code: e.code, status, details, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  if (e instanceof z.ZodError) return { unexpected: false, code: "validation.failed", status: 422, details: {}, fieldErrors: zodFieldCodes(e) };
  return { unexpected: true, code: "errors.unexpected", status: 500, details: {} };
}
