import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZSaveDraftInput } from "@/lib/cases/applications";
import { findUnsafeText, isSafeText, parseKeysetCursor, ZIsoDate, ZSafeInput, ZSafeText, zodFieldCodes } from "@/lib/platform/core";

// Issue 13 F3: the one rule every boundary applies (server actions, routes, /api/v1, drafts, the payment callback).
describe("safe text: no NUL, no lone surrogate", () => {
  it("refuses NUL and unpaired surrogates, accepts every well-formed string (pairs, Kazakh letters, emoji)", () => {
    for (const s of ["\u0000", "a\u0000", "\ud800", "x\udbff", "\udc00y", "\ud83d"]) expect(isSafeText(s), JSON.stringify(s)).toBe(false);
    for (const s of ["", "Қазақстан ӘҒҚҢӨҰҮҺІ", "😀", "\ud83d\ude00", "tab\there", "%00"]) expect(isSafeText(s), s).toBe(true);
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => isSafeText(s.replaceAll("\u0000", ""))));
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => !isSafeText(`${a}\u0000${b}`)));
  });

  it("finds the first unsafe string at any depth: values, keys, array items, file names; deep nesting is refused without a stack overflow", () => {
    expect(findUnsafeText({ a: { b: ["ok", "x\ud800"] } })).toEqual(["a", "b", 1]);
    expect(findUnsafeText({ ["k\u0000"]: 1 })).toEqual(["k\u0000"]);
    expect(findUnsafeText({ file: new File(["x"], "a\u0000.pdf") })).toEqual(["file"]);
    expect(findUnsafeText({ a: 1, b: [true, null, "fine"], c: new Date() })).toBeNull();
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).not.toBeNull();
  });

  it("as zod: ZSafeText, ZSafeInput and draft form data answer validation.unsafe_text at the field", () => {
    expect(ZSafeText.safeParse("a\u0000").success).toBe(false);
    const r = ZSafeInput.safeParse({ name: "ok", address: { street: "\udfff" } });
    expect(r.success).toBe(false);
    expect(zodFieldCodes(r.error!)).toEqual({ "address.street": "validation.unsafe_text" });
    const d = ZSaveDraftInput.safeParse({ applicationId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, formData: { rows: [{ note: "\u0000" }] } });
    expect(d.success).toBe(false);
    expect(zodFieldCodes(d.error!)).toEqual({ "formData.rows.0.note": "validation.unsafe_text" });
  });
});

describe("dates and cursors within range", () => {
  it("ZIsoDate: 1900-01-01 … 2199-12-31", () => {
    expect(ZIsoDate.safeParse("2026-11-30").success).toBe(true);
    for (const d of ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"]) expect(zodFieldCodes(ZIsoDate.safeParse(d).error!)).toEqual({ _form: "validation.date_out_of_range" });
  });

  it("keyset cursors: the encoded form round-trips; malformed, out-of-range or oversized ids are null", () => {
    const at = new Date("2026-11-30T05:00:00.123Z");
    expect(parseKeysetCursor(`${at.toISOString()}|42`, "bigint")).toEqual({ at, id: "42" });
    expect(parseKeysetCursor(`${at.toISOString()}|0b9e6f0c-1111-4222-8333-444455556666`, "text")).toEqual({ at, id: "0b9e6f0c-1111-4222-8333-444455556666" });
    for (const c of ["not-a-cursor", "|1", "2026-11-30T05:00:00Z|", "-271821-04-19T00:00:00Z|1", "9999-12-31T23:59:59.999Z|1", `${at.toISOString()}|99999999999999999999`, `${at.toISOString()}|1|2`]) expect(parseKeysetCursor(c, "bigint"), c).toBeNull();
  });
});
