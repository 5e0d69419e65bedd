import { describe, expect, it } from "vitest";
import { checkPowerOfAttorney, representativeData, ZPowerOfAttorney } from "@/lib/integration/registries";

// 30 Nov 2026, 10:00 in Almaty (UTC+5).
const now = new Date("2026-11-30T05:00:00Z");
const valid = { iin: "800115300002", fullName: "Серікбаев Нұржан Төлегенұлы", poaNumber: "2026-НД-0415", poaDate: "2026-11-02", notarised: true };

function failure(raw: unknown, at = now): { code?: string; fieldErrors?: Record<string, string> } {
  try {
    checkPowerOfAttorney(raw, at);
  } catch (e) {
    const err = e as { code?: string; details?: { fieldErrors?: Record<string, string> } };
    return { code: err.code, fieldErrors: err.details?.fieldErrors };
  }
  return {};
}

describe("power of attorney", () => {
  it("accepts a notarised power of attorney dated within three years", () => {
    const poa = checkPowerOfAttorney(valid, now);
    expect(poa).toMatchObject({ iin: "800115300002", poaDate: "2026-11-02", notarised: true });
    expect(representativeData(poa)).toEqual({
      iin: "800115300002",
      fullName: "Серікбаев Нұржан Төлегенұлы",
      basis: "POWER_OF_ATTORNEY",
      poaNumber: "2026-НД-0415",
      poaDate: new Date("2026-11-02T00:00:00Z"),
      poaNotarised: true,
    });
  });

  it("refuses one that is not notarised (002: only notarised ones are entered)", () => {
    expect(failure({ ...valid, notarised: false })).toEqual({
      code: "registries.poa_not_notarised",
      fieldErrors: { notarised: "registries.poa_not_notarised" },
    });
    const { notarised: _n, ...withoutFlag } = valid;
    expect(failure(withoutFlag).code).toBe("registries.poa_not_notarised");
  });

  it("reads the form checkbox ('on' / absent)", () => {
    expect(checkPowerOfAttorney({ ...valid, notarised: "on" }, now).notarised).toBe(true);
    expect(failure({ ...valid, notarised: "off" }).code).toBe("registries.poa_not_notarised");
  });

  it("refuses a date in the future, judged by the Almaty calendar day", () => {
    expect(failure({ ...valid, poaDate: "2026-12-01" })).toEqual({
      code: "registries.poa_date_in_future",
      fieldErrors: { poaDate: "registries.poa_date_in_future" },
    });
    // 20:30 UTC on 30 Nov is already 1 Dec in Almaty: a power of attorney dated 1 Dec is then fine.
    expect(checkPowerOfAttorney({ ...valid, poaDate: "2026-12-01" }, new Date("2026-11-30T20:30:00Z")).poaDate).toBe("2026-12-01");
    expect(checkPowerOfAttorney({ ...valid, poaDate: "2026-11-30" }, now).poaDate).toBe("2026-11-30");
  });

  it("accepts a power of attorney exactly three years old and refuses an older one", () => {
    expect(checkPowerOfAttorney({ ...valid, poaDate: "2023-11-30" }, now).poaDate).toBe("2023-11-30");
    expect(failure({ ...valid, poaDate: "2023-11-29" }).code).toBe("registries.poa_too_old");
  });

  it("checks an optional end of validity", () => {
    expect(checkPowerOfAttorney({ ...valid, validUntil: "2027-11-01" }, now).validUntil).toBe("2027-11-01");
    expect(checkPowerOfAttorney({ ...valid, validUntil: "" }, now).validUntil).toBeUndefined();
    expect(failure({ ...valid, poaDate: "2025-01-10", validUntil: "2026-01-10" }).code).toBe("registries.poa_expired");
    expect(failure({ ...valid, validUntil: "2026-10-01" }).code).toBe("registries.poa_valid_until_before_date");
  });

  it("validates the representative's IIN check digit, the name, number and date format", () => {
    expect(failure({ ...valid, iin: "800115300003" })).toEqual({ code: "validation.failed", fieldErrors: { iin: "validation.iin_invalid" } });
    expect(failure({ ...valid, fullName: " ", poaNumber: "", poaDate: "02.11.2026" }).fieldErrors).toEqual({
      fullName: "validation.required",
      poaNumber: "validation.required",
      poaDate: "validation.invalid_format",
    });
    // Several problems at once, one of them the notarisation: a general failure listing all fields.
    expect(failure({ ...valid, iin: "1", notarised: false })).toMatchObject({
      code: "validation.failed",
      fieldErrors: { notarised: "registries.poa_not_notarised" },
    });
  });

  it("the zod schema alone enforces the notarisation (usable in forms)", () => {
    expect(ZPowerOfAttorney.safeParse({ ...valid, notarised: false }).success).toBe(false);
    expect(ZPowerOfAttorney.safeParse(valid).success).toBe(true);
  });
});
