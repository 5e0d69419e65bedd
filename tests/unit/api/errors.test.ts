import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ERROR_CODES, englishMessage, toErrorResponse, ZApiError } from "@/lib/integration/api";
import { classifyError, DomainError, httpStatusOf } from "@/lib/platform/core";
import { loadMessages } from "@/lib/platform/i18n";

const EVENT = "00000000-0000-4000-8000-000000000001";

describe("httpStatusOf (the error registry)", () => {
  it.each([
    ["errors.not_found", 404],
    ["workflow.not_found", 404],
    ["payments.sandbox.order_not_found", 404],
    ["auth.forbidden", 403],
    ["api.applicants_only", 403],
    ["validation.failed", 422],
    ["validation.required", 422],
    ["pki.status.revoked", 422],
    ["applications.form_incomplete", 422],
    ["documents.unsupported_type", 422],
    ["applications.draft_conflict", 409],
    ["workflow.stale_state", 409],
    ["licences.conflict", 409],
    ["admin.stale", 409],
    ["applications.already_submitted", 409],
    ["workflow.not_withdrawable", 409],
    ["payments.not_paid", 402],
    ["api.unauthorized", 401],
    ["api.invalid_token", 401],
    ["api.rate_limited", 429],
    ["api.payload_too_large", 413],
    ["documents.too_large", 413],
    ["api.unsupported_media_type", 415],
    ["api.invalid_json", 400],
    ["payments.not_required", 400],
    ["workflow.wrong_role", 400],
    ["something.unregistered", 500],
  ])("%s → %i", (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it("any code carrying field errors is a validation error", () => {
    expect(classifyError(new DomainError("officer.errors.note_required", { fieldErrors: { a: "validation.required" } })).status).toBe(422);
  });
});

describe("toErrorResponse", () => {
  it("a domain error keeps its code, gets its English message and its field errors with messages", () => {
    const r = toErrorResponse(
      new DomainError("validation.failed", { fieldErrors: { "contact.email": "validation.email", name: "validation.required" } }),
      EVENT,
    );
    expect(r).toEqual({
      status: 422,
      unexpected: false,
      body: {
        error: {
          code: "validation.failed",
          message: "Please check the fields.",
          fieldErrors: {
            "contact.email": { code: "validation.email", message: "Enter a valid e-mail address." },
            name: { code: "validation.required", message: "This field is required." },
          },
        },
      },
    });
  });

  it("payments.not_paid is 402 with the regulation's refusal text", () => {
    expect(toErrorResponse(new DomainError("payments.not_paid"), EVENT)).toEqual({
      status: 402,
      unexpected: false,
      body: { error: { code: "payments.not_paid", message: "Requested service refused: no payment in the E-licensing SDB IS" } },
    });
  });

  it("exposes missing slots and placeholders, but not other details", () => {
    const r = toErrorResponse(new DomainError("applications.documents_missing", { slots: ["charter_scan"], internal: "x" }), EVENT);
    expect(r.body.error).toEqual({ code: "applications.documents_missing", message: "Attach the required documents.", missingSlots: ["charter_scan"] });
    expect(englishMessage("documents.slots.hint", { max: "10 MB", other: {} })).toBe("PDF, JPEG or PNG, up to 10 MB.");
    expect(englishMessage("documents.slots.hint")).toBe("PDF, JPEG or PNG, up to {max}.");
  });

  it("an unknown code still has a message", () => {
    expect(toErrorResponse(new DomainError("nobody.wrote.this" as never), EVENT).body.error).toEqual({
      code: "nobody.wrote.this",
      message: "The request could not be carried out.",
    });
  });

  it("anything else is a 500 with the event id and without the error's message", () => {
    const r = toErrorResponse(new Error("password=hunter2 at db.internal"), EVENT);
    expect(r.status).toBe(500);
    expect(r.unexpected).toBe(true);
    expect(r.body).toEqual({ error: { code: "errors.unexpected", message: englishMessage("errors.unexpected"), eventId: EVENT } });
    expect(JSON.stringify(r.body)).not.toContain("hunter2");
  });

  it("a zod error is a validation failure with the issue codes", () => {
    const e = z.object({ n: z.number() }).safeParse({ n: "x" }).error!;
    expect(toErrorResponse(e, EVENT).body.error).toMatchObject({ code: "validation.failed", fieldErrors: { n: { code: "validation.invalid_type" } } });
  });

  it("every body matches the published Error schema", () => {
    for (const e of [
      new DomainError("payments.not_paid"),
      new DomainError("validation.failed", { fieldErrors: { a: "validation.required" } }),
      new Error("x"),
    ]) {
      expect(ZApiError.safeParse(toErrorResponse(e, EVENT).body).success).toBe(true);
    }
  });
});

describe("API messages", () => {
  it("every code the API layer raises has a text in kk, ru and en", () => {
    for (const locale of ["kk", "ru", "en"] as const) {
      const api = loadMessages(locale).api as Record<string, unknown>;
      for (const code of [...Object.values(API_ERROR_CODES), "api.request_failed"])
        expect(typeof api[code.replace(/^api\./, "")], `${locale} ${code}`).toBe("string");
    }
  });
});
