import fc from "fast-check";
import { almatyYear } from "@/lib/platform/i18n";
import { describe, expect, it } from "vitest";
import {
  REGION_CODES,
  annexNumber,
  formatLicenceNumber,
  isValidLicenceNumber,
  licenceCounterKey,
  mod97CheckDigits,
  normaliseLicenceNumber,
  parseAnnexNumber,
  parseLicenceNumber,
  regionCodeFor,
} from "@/lib/cases/licences";
import { getOrganisations } from "@/lib/law/organisations";

const arbNumber = fc
  .record({ year: fc.integer({ min: 2000, max: 2099 }), regionCode: fc.constantFrom("00", ...Object.values(REGION_CODES)), sequence: fc.integer({ min: 1, max: 9_999_999 }) })
  .map(formatLicenceNumber);

function substitutions(n: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n.length; i++) {
    const alphabet = i < 2 ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const ch of alphabet) if (ch !== n[i]) out.push(n.slice(0, i) + ch + n.slice(i + 1));
  }
  return out;
}

function adjacentTranspositions(n: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < n.length; i++) if (n[i] !== n[i + 1]) out.push(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2));
  return out;
}

describe("licence number format KZ YY RR NNNNNNN CC", () => {
  it("builds the documented example", () => {
    expect(formatLicenceNumber({ year: 2026, regionCode: "15", sequence: 42 })).toBe("KZ2615000004211");
    expect(mod97CheckDigits("26150000042")).toBe("11");
    expect(Number(BigInt("2615000004211") % 97n)).toBe(1);
  });

  it("is 15 characters, KZ then digits, and parses back to its parts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom("00", "15", "23", "63", "99"), fc.integer({ min: 1, max: 9_999_999 }), (year, regionCode, sequence) => {
        const n = formatLicenceNumber({ year, regionCode, sequence });
        expect(n).toMatch(/^KZ\d{13}$/);
        expect(isValidLicenceNumber(n)).toBe(true);
        const p = parseLicenceNumber(n)!;
        expect({ year: p.year, regionCode: p.regionCode, sequence: p.sequence }).toEqual({ year, regionCode, sequence });
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("detects every single-character substitution in a sample of numbers", () => {
    fc.assert(
      fc.property(arbNumber, (n) => {
        const missed = substitutions(n).filter(isValidLicenceNumber);
        expect(missed).toEqual([]);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("detects every transposition of adjacent characters in a sample of numbers", () => {
    fc.assert(
      fc.property(arbNumber, (n) => {
        expect(adjacentTranspositions(n).filter(isValidLicenceNumber)).toEqual([]);
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it("refuses other shapes, sequence 0 and lower case; normalising accepts spaces and case", () => {
    const n = formatLicenceNumber({ year: 2026, regionCode: "23", sequence: 7 });
    for (const bad of ["", "KZ", n.slice(0, -1), `${n}0`, n.toLowerCase(), ` ${n}`, `KZ-${n.slice(2)}`, formatLicenceNumber({ year: 2026, regionCode: "23", sequence: 1 }).replace(/^KZ(\d{4})0000001/, "KZ$10000000")]) {
      expect(isValidLicenceNumber(bad), bad).toBe(false);
    }
    expect(normaliseLicenceNumber(` ${n.slice(0, 6).toLowerCase()} ${n.slice(6)} `)).toBe(n);
    expect(normaliseLicenceNumber("KZ0000000000000")).toBeNull();
    expect(() => formatLicenceNumber({ year: 2026, regionCode: "23", sequence: 10_000_000 })).toThrow("licences.number_exhausted");
  });

  it("takes the year on the Almaty calendar and keys the counter by year and region", () => {
    expect(almatyYear(new Date("2026-12-31T18:59:00Z"))).toBe(2026);
    expect(almatyYear(new Date("2026-12-31T19:30:00Z"))).toBe(2027);
    expect(licenceCounterKey(2027, "15")).toBe("licence:2027:15");
  });

  it("numbers annexes {licence}-{n}", () => {
    const n = formatLicenceNumber({ year: 2026, regionCode: "00", sequence: 5 });
    expect(annexNumber(n, 2)).toBe(`${n}-2`);
    expect(parseAnnexNumber(`${n.toLowerCase()}-2`)).toEqual({ licenceNumber: n, n: 2 });
    expect(parseAnnexNumber(`${n}-0`)).toBeNull();
    expect(parseAnnexNumber(`${n.slice(0, -1)}9-1`)).toBeNull();
  });
});

describe("region codes", () => {
  it("give the Committee 00, each oblast body its own KATO code, unknown regions 99", () => {
    expect(regionCodeFor({ kind: "COMMITTEE", region: "astana" })).toBe("00");
    expect(regionCodeFor({ kind: "REGIONAL", region: "aktobe" })).toBe("15");
    expect(regionCodeFor({ kind: "REGIONAL", region: "atyrau" })).toBe("23");
    expect(regionCodeFor({ kind: "REGIONAL", region: "nowhere" })).toBe("99");
  });

  it("cover every organisation of the data file, with no two regional bodies sharing a code", () => {
    const codes = getOrganisations().map((o) => regionCodeFor({ kind: o.kind === "committee" ? "COMMITTEE" : "REGIONAL", region: o.region }));
    expect(codes).not.toContain("99");
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(Object.values(REGION_CODES)).size).toBe(Object.values(REGION_CODES).length);
  });
});
