import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/core";
import { feeFor, getMciTable, getService, mciValueOn, parseMciTable } from "@/lib/law/catalogue";

const scrap = getService("scrap-metal-licence")!;

describe("monthly calculation index", () => {
  it("returns the annual value for a year", () => {
    expect(mciValueOn(2013)).toBe(1731);
    expect(mciValueOn(2019)).toBe(2525);
    expect(mciValueOn(2024)).toBe(3692);
    expect(mciValueOn(2025)).toBe(3932);
    expect(mciValueOn(2026)).toBe(4325);
  });

  it("follows mid-year changes when given a date (Almaty calendar day)", () => {
    expect(mciValueOn(new Date("2020-03-31T12:00:00Z"))).toBe(2651);
    expect(mciValueOn(new Date("2020-04-01T12:00:00Z"))).toBe(2778);
    expect(mciValueOn(new Date("2022-05-31T12:00:00Z"))).toBe(3063);
    expect(mciValueOn(new Date("2022-06-01T12:00:00Z"))).toBe(3180);
    // 31 May 19:30 UTC is already 1 June in Almaty.
    expect(mciValueOn(new Date("2022-05-31T19:30:00Z"))).toBe(3180);
  });

  it("refuses periods outside the table", () => {
    expect(() => mciValueOn(2012)).toThrow(DomainError);
    expect(() => mciValueOn(2027)).toThrow("catalogue.mci_unknown_period");
  });

  it("rejects an unordered table", () => {
    const rows = [...getMciTable().values].reverse();
    expect(() => parseMciTable({ currency: "KZT", values: rows })).toThrow(/values\[1\]\.from/);
  });
});

describe("feeFor", () => {
  it("computes the licence fee from the MCI rate", () => {
    expect(feeFor(scrap, "issue", 2024)).toEqual({ free: false, mci: 10, mciValue: 3692, amountKzt: 36920 });
    expect(feeFor(scrap, "reissue", 2024)).toEqual({ free: false, mci: 1, mciValue: 3692, amountKzt: 3692 });
    expect(feeFor("scrap-metal-licence", "duplicate", new Date("2022-07-01T00:00:00Z"))).toEqual({ free: false, mci: 10, mciValue: 3180, amountKzt: 31800 });
  });

  it("treats free services and zero rates as free", () => {
    expect(feeFor("export-control-transit-permit", "issue", 2014)).toEqual({ free: true });
    expect(feeFor("chemical-product-registration", "reregistration", 2030)).toEqual({ free: true }); // no MCI needed
    expect(feeFor("poisons-licence", "annex", 2014)).toEqual({ free: true });
  });

  it("rejects unknown services and variants the service does not offer", () => {
    expect(() => feeFor("nope", "issue", 2024)).toThrow("catalogue.unknown_service");
    expect(() => feeFor(scrap, "annex", 2024)).toThrow("catalogue.variant_not_offered");
  });

  it("marks the rates as configurable defaults", () => {
    expect(scrap.fee).toMatchObject({ kind: "licence_fee", isDefault: true });
  });
});
