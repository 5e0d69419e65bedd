import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalRequestBytes, canonicalRequestJson } from "@/lib/trust/pki";

const base = {
  applicationId: "APP-1",
  serviceCode: "LIC-01",
  variant: null,
  applicant: { iin: "850412300006" },
  formData: { b: 1, a: "Астана", nested: { z: true, y: [1, 2.5, "ә"] } },
  attachments: [
    { slot: "lease", sha256: "b".repeat(64) },
    { slot: "charter", sha256: "A".repeat(64) },
  ],
};

describe("canonicalRequestBytes (RFC 8785)", () => {
  it("produces the exact canonical JSON: sorted keys, no whitespace, fixed header", () => {
    expect(canonicalRequestJson(base)).toBe(
      '{"applicant":{"iin":"850412300006"},"applicationId":"APP-1",' +
        `"attachments":[{"sha256":"${"a".repeat(64)}","slot":"charter"},{"sha256":"${"b".repeat(64)}","slot":"lease"}],` +
        '"formData":{"a":"Астана","b":1,"nested":{"y":[1,2.5,"ә"],"z":true}},' +
        '"serviceCode":"LIC-01","type":"kz.elicense.request","variant":null,"version":1}',
    );
  });

  it("is UTF-8 of that text", () => {
    expect(canonicalRequestBytes(base)).toEqual(new TextEncoder().encode(canonicalRequestJson(base)));
  });

  it("does not depend on key order or attachment order", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
        (form) => {
          const reversed = Object.fromEntries(Object.entries(form).reverse());
          const a = canonicalRequestBytes({ ...base, formData: form });
          const b = canonicalRequestBytes({
            ...base,
            formData: reversed,
            attachments: [...base.attachments].reverse(),
          });
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("omits properties whose value is undefined, as JSON.stringify does", () => {
    expect(canonicalRequestJson({ ...base, formData: { a: 1, b: undefined } })).toBe(
      canonicalRequestJson({ ...base, formData: { a: 1 } }),
    );
  });

  it("changes when an attachment hash changes", () => {
    const other = { ...base, attachments: [{ slot: "lease", sha256: "c".repeat(64) }, base.attachments[1]!] };
    expect(canonicalRequestBytes(other)).not.toEqual(canonicalRequestBytes(base));
  });

  it("refuses values that would not serialise the same way everywhere", () => {
    const invalid = expect.objectContaining({ code: "pki.invalid_request" });
    expect(() => canonicalRequestBytes({ ...base, formData: { d: new Date(0) } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, formData: { n: Number.NaN } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, formData: { n: Number.POSITIVE_INFINITY } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, formData: { a: [1, undefined] } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, formData: { m: new Map() } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, formData: { f: () => 1 } })).toThrow(invalid);
  });

  it("validates the envelope: applicant identifier, attachment hashes", () => {
    const invalid = expect.objectContaining({ code: "pki.invalid_request" });
    expect(() => canonicalRequestBytes({ ...base, applicant: {} })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, applicant: { iin: "123" } })).toThrow(invalid);
    expect(() => canonicalRequestBytes({ ...base, attachments: [{ slot: "x", sha256: "zz" }] })).toThrow(invalid);
  });
});
