import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generatePaymentCode, isValidPaymentCode, normalizePaymentCode, PAYMENT_CODE_ALPHABET as A, paymentCodeCheckChar } from "@/lib/cases/payments";

const now = new Date("2026-03-10T06:00:00Z");
const bytes =
  (...b: number[]) =>
  () =>
    Uint8Array.from(b);
/** The 12 characters after "PAY-": YYYY + 7 random + check. */
const chars = (code: string) => code.slice(4).replace(/-/g, "");
const fromChars = (c: string) => `PAY-${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;

describe("payment code", () => {
  it("has the documented shape PAY-YYYY-XXXX-XXXC and the Almaty year", () => {
    const code = generatePaymentCode(now, bytes(0, 1, 2, 3, 4, 5, 6));
    expect(code).toBe(`PAY-2026-0123-456${paymentCodeCheckChar("20260123456")}`);
    // 31 December 20:00 UTC is already 1 January in Almaty.
    expect(generatePaymentCode(new Date("2026-12-31T20:00:00Z")).startsWith("PAY-2027-")).toBe(true);
  });

  it("computes the Luhn mod 32 check character (worked example)", () => {
    // Payload 20260123456; from the right, every second value doubled and folded in base 32:
    // 6→12, 5, 4→8, 3, 2→4, 1, 0→0, 6, 2→4, 0, 2→4  ⇒ sum 47, 47 mod 32 = 15, check = 32−15 = 17 → "H".
    expect(paymentCodeCheckChar("20260123456")).toBe("H");
    expect(isValidPaymentCode("PAY-2026-0123-456H")).toBe(true);
  });

  it("uses only unambiguous characters and always validates what it generates", () => {
    expect(A).toHaveLength(32);
    expect(A).not.toMatch(/[ILOU]/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), (b) => {
        const code = generatePaymentCode(now, () => b);
        return /^PAY-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(code) && normalizePaymentCode(code) === code;
      }),
    );
  });

  it("detects every single mistyped character", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), (b) => {
        const c = chars(generatePaymentCode(now, () => b));
        for (let i = 0; i < c.length; i++) {
          for (const x of A) {
            if (x === c[i]) continue;
            if (i < 4 && !/\d/.test(x)) continue; // the year is digits by format
            if (isValidPaymentCode(fromChars(c.slice(0, i) + x + c.slice(i + 1)))) return false;
          }
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it("detects every swap of two different neighbours except 0↔Z (the known blind spot of Luhn mod 32)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), (b) => {
        const c = chars(generatePaymentCode(now, () => b));
        for (let i = 4; i < c.length - 1; i++) {
          const [x, y] = [c[i]!, c[i + 1]!];
          if (x === y || [x, y].sort().join("") === "0Z") continue;
          if (isValidPaymentCode(fromChars(c.slice(0, i) + y + x + c.slice(i + 2)))) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("forgives case, spaces, missing hyphens and look-alike letters", () => {
    const code = generatePaymentCode(now, bytes(0, 1, 8, 9, 10, 11, 12));
    const typed = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(normalizePaymentCode(typed)).toBe(code);
    expect(normalizePaymentCode(code.replace(/-/g, ""))).toBe(code);
    expect(normalizePaymentCode("")).toBeNull();
    expect(normalizePaymentCode("PAY-2026-0123")).toBeNull();
    expect(normalizePaymentCode("LIC-2026-0123-456H")).toBeNull();
  });
});
