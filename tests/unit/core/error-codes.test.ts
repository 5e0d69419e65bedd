import { describe, expect, it } from "vitest";
import { ERROR_STATUS, classifyError, DomainError, httpStatusOf, isErrorCode } from "@/lib/platform/core";
import { LOCALES, loadMessages } from "@/lib/platform/i18n";

// The one registry of error codes (issue 17): each code has an HTTP status and a message in every locale.

function messageOf(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((o, p) => (o && typeof o === "object" ? (o as Record<string, unknown>)[p] : undefined), messages);
}

describe("error code registry", () => {
  const codes = Object.keys(ERROR_STATUS);

  it("holds the codes the portal throws", () => {
    expect(codes.length).toBeGreaterThan(200);
    for (const c of ["errors.not_found", "auth.forbidden", "validation.failed", "workflow.stale_state", "pki.status.revoked"]) expect(isErrorCode(c)).toBe(true);
  });

  it.each(LOCALES)("every code has a %s message", (locale) => {
    const messages = loadMessages(locale);
    const missing = codes.filter((c) => typeof messageOf(messages, c) !== "string" || !(messageOf(messages, c) as string).trim());
    expect(missing).toEqual([]);
  });

  it("every code has an HTTP error status", () => {
    const bad = Object.entries(ERROR_STATUS).filter(([, s]) => !(s >= 400 && s <= 599));
    expect(bad).toEqual([]);
  });

  it("an unregistered code is a bug: 500, and classified as such when thrown", () => {
    expect(httpStatusOf("no.such.code")).toBe(500);
    expect(classifyError(new DomainError("no.such.code" as never)).status).toBe(500);
    expect(classifyError(new Error("boom"))).toMatchObject({ unexpected: true, status: 500, code: "errors.unexpected" });
  });
});
