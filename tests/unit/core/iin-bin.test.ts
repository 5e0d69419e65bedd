import { describe, expect, it } from "vitest";
import { identifierChecksum, isValidBin, isValidIdentifier, isValidIin, parseIin, ZBin, ZIin } from "@/lib/platform/core";

describe("IIN", () => {
  it("accepts numbers whose check digit matches (first pass of weights)", () => {
    expect(isValidIin("800115300002")).toBe(true);
    expect(parseIin("800115300002")).toEqual({ birthDate: "1980-01-15", sex: "male" });
  });

  it("reads century and sex from the seventh digit", () => {
    expect(parseIin("920312400004")).toEqual({ birthDate: "1992-03-12", sex: "female" });
    expect(parseIin("010520500001")).toEqual({ birthDate: "2001-05-20", sex: "male" });
  });

  it("rejects a wrong check digit, a wrong length, letters and impossible dates", () => {
    expect(isValidIin("800115300003")).toBe(false);
    expect(isValidIin("80011530000")).toBe(false);
    expect(isValidIin("8001153000a2")).toBe(false);
    // 31 February: compute the matching check digit so only the date is wrong.
    const c = identifierChecksum("8002313000" + "0");
    if (c !== null) expect(isValidIin(`80023130000${c}`)).toBe(false);
  });

  it("uses the second pass of weights when the first gives 10", () => {
    // Search the space for a prefix whose first-pass remainder is 10 and check the second pass.
    const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let found = 0;
    for (let s = 0; s < 10000 && found < 3; s++) {
      const prefix = `8001153${String(s).padStart(4, "0")}`;
      const d = [...prefix].map(Number);
      if (d.reduce((a, x, i) => a + x * w1[i]!, 0) % 11 !== 10) continue;
      const second = d.reduce((a, x, i) => a + x * w2[i]!, 0) % 11;
      expect(identifierChecksum(prefix)).toBe(second === 10 ? null : second);
      found++;
    }
    expect(found).toBe(3);
  });
});

describe("BIN", () => {
  it("accepts valid legal-entity numbers", () => {
    for (const bin of ["050340000009", "110740000007", "981240000001", "190460000006"]) expect(isValidBin(bin)).toBe(true);
  });

  it("rejects a wrong check digit, a month 13 and an unknown entity type", () => {
    expect(isValidBin("050340000008")).toBe(false);
    const c = identifierChecksum("05134000000");
    expect(isValidBin(`05134000000${c}`)).toBe(false);
    const c2 = identifierChecksum("05037000000");
    expect(isValidBin(`05037000000${c2}`)).toBe(false);
  });

  it("zod schemas return i18n keys", () => {
    expect(ZBin.safeParse("050340000009").success).toBe(true);
    const bad = ZBin.safeParse("050340000008");
    expect(bad.success ? null : bad.error.issues[0]?.message).toBe("validation.bin_invalid");
    const short = ZIin.safeParse("123");
    expect(short.success ? null : short.error.issues[0]?.message).toBe("validation.identifier_format");
    expect(isValidIdentifier("800115300002")).toBe(true);
  });
});
