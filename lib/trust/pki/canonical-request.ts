import canonicalize from "canonicalize";
import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import { utf8Encode } from "./bytes";

/**
 * The bytes an applicant signs (browser) and the server re-computes: RFC 8785 (JCS)
 * canonical JSON in UTF-8. Isomorphic. A fixed `type`/`version` header separates these
 * bytes from any other signed object (e.g. a sign-in challenge), so one cannot be replayed
 * as the other.
 */

export const CANONICAL_REQUEST_TYPE = "kz.elicense.request";
export const CANONICAL_REQUEST_VERSION = 1;

const twelveDigits = z.string().regex(/^\d{12}$/);

export const ZCanonicalRequestInput = z.object({
  applicationId: z.string().min(1).max(200),
  serviceCode: z.string().min(1).max(200),
  variant: z.string().max(200).nullable().optional(),
  applicant: z
    .object({ iin: twelveDigits.optional(), bin: twelveDigits.optional() })
    .refine((a) => a.iin !== undefined || a.bin !== undefined, {
      message: "pki.invalid_request",
    }),
  formData: z.record(z.string(), z.unknown()),
  attachments: z.array(
    z.object({
      slot: z.string().min(1).max(200),
      sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
    }),
  ),
});
export type TCanonicalRequestInput = z.input<typeof ZCanonicalRequestInput>;

const MAX_DEPTH = 32;

/**
 * Only plain JSON may be signed: a Date, Map, class instance, function, NaN or Infinity
 * would serialise differently (or not at all) on the other side. Object properties whose
 * value is `undefined` are dropped, as JSON.stringify does; `undefined` in arrays is refused.
 */
function assertPlainJson(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new DomainError("pki.invalid_request", { path, reason: "too_deep" });
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new DomainError("pki.invalid_request", {
        path,
        reason: "not_finite",
      });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v === undefined)
        throw new DomainError("pki.invalid_request", {
          path: `${path}[${i}]`,
          reason: "undefined",
        });
      assertPlainJson(v, `${path}[${i}]`, depth + 1);
    });
    return;
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new DomainError("pki.invalid_request", {
        path,
        reason: "not_plain_object",
      });
    }
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) assertPlainJson(v, `${path}.${k}`, depth + 1);
    }
    return;
  }
  throw new DomainError("pki.invalid_request", { path, reason: typeof value });
}

/** The canonical JSON text (before UTF-8 encoding). */
export function canonicalRequestJson(input: TCanonicalRequestInput): string {
  const parsed = ZCanonicalRequestInput.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("pki.invalid_request", {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.join("."),
        message: i.message,
      })),
    });
  }
  const r = parsed.data;
  assertPlainJson(r.formData, "formData", 0);
  // Attachment order carries no meaning; sorting makes browser and server agree regardless.
  const attachments = r.attachments
    .map((a) => ({ slot: a.slot, sha256: a.sha256.toLowerCase() }))
    .sort((a, b) =>
      a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0,
    );
  const applicant: { iin?: string; bin?: string } = {};
  if (r.applicant.iin !== undefined) applicant.iin = r.applicant.iin;
  if (r.applicant.bin !== undefined) applicant.bin = r.applicant.bin;
  const text = canonicalize({
    type: CANONICAL_REQUEST_TYPE,
    version: CANONICAL_REQUEST_VERSION,
    applicationId: r.applicationId,
    serviceCode: r.serviceCode,
    variant: r.variant ?? null,
    applicant,
    formData: r.formData,
    attachments,
  });
  if (text === undefined)
    throw new DomainError("pki.invalid_request", {
      reason: "not_serialisable",
    });
  return text;
}

/** UTF-8 bytes of the RFC 8785 canonical JSON of a request: what is signed and verified. */
export function canonicalRequestBytes(input: TCanonicalRequestInput): Uint8Array {
  return utf8Encode(canonicalRequestJson(input));
}
