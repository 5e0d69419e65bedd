import { describe, expect, it } from "vitest";
import { listServices, normalizeSearchText } from "@/lib/law/catalogue";

const codes = (q: Parameters<typeof listServices>[0]) => listServices(q).map((s) => s.code);

describe("listServices search", () => {
  it("finds services by Kazakh words, including the Kazakh letters", () => {
    expect(codes({ query: "сынықтары" })).toEqual(["scrap-metal-licence"]);
    expect(codes({ query: "қалдықтарын" })).toEqual(["scrap-metal-licence"]);
    expect(codes({ query: "ҚАРА МЕТАЛЛ" })).toEqual(["scrap-metal-licence"]);
    expect(codes({ query: "астық қолхаттарын" })).toEqual(["grain-warehouse-receipts-licence"]);
    expect(codes({ query: "Өнеркәсіптік алудың" })).toEqual(["precious-metals-extraction-feasibility-conclusion"]);
    expect(codes({ query: "ұлар" })).toEqual([]); // ұ is not у: "улар" (poisons) must not match
    expect(codes({ query: "Улар" })).toEqual(["poisons-licence"]);
    expect(codes({ query: "һ" })).toEqual([]);
  });

  it("treats a Latin i inside Kazakh words as the Kazakh letter і", () => {
    expect(codes({ query: "өнiмнiң транзитiне" })).toEqual(["export-control-transit-permit"]); // Latin i, as in the decree
    expect(codes({ query: "өнімнің транзитіне" })).toEqual(["export-control-transit-permit"]);
  });

  it("tolerates Kazakh words typed on a Russian layout", () => {
    expect(codes({ query: "кара металл" })).toEqual(["scrap-metal-licence"]);
  });

  it("finds services by Russian words, case-insensitively and with ё = е", () => {
    expect(codes({ query: "лом черных" })).toEqual(["scrap-metal-licence"]);
    expect(codes({ query: "ЛОМ ЧЁРНЫХ" })).toEqual(["scrap-metal-licence"]);
    expect(codes({ query: "драгоценн" })).toEqual([
      "precious-metals-special-registration-certificate",
      "precious-raw-processing-inexpediency-conclusion",
      "precious-metals-extraction-feasibility-conclusion",
    ]);
    expect(codes({ query: "зерновых расписок" })).toEqual(["grain-warehouse-receipts-licence"]);
  });

  it("finds services by English words and requires every word", () => {
    expect(codes({ query: "explosive" })).toEqual(["explosives-pyrotechnics-licence"]);
    expect(codes({ query: "Export" })).toEqual(["export-control-transit-permit", "export-import-licence"]);
    expect(codes({ query: "export import" })).toEqual(["export-import-licence"]);
    expect(codes({ query: "export banana" })).toEqual([]);
    expect(codes({ query: "   " })).toHaveLength(14);
  });

  it("filters by provider level, kind, recipient and organisation", () => {
    expect(codes({ providerLevel: "regional" })).toEqual(["scrap-metal-licence", "grain-warehouse-receipts-licence"]);
    expect(codes({ kind: "conclusion" })).toHaveLength(2);
    expect(codes({ kind: "licence", providerLevel: "committee" })).toHaveLength(6);
    expect(codes({ organisationCode: "atyrau" })).toEqual(["scrap-metal-licence", "grain-warehouse-receipts-licence"]);
    expect(codes({ organisationCode: "committee" })).toHaveLength(12);
    expect(codes({ organisationCode: "committee", query: "лом" })).toEqual([]);
    expect(codes({ organisationCode: "no-such-body" })).toEqual([]);
    expect(codes({ recipient: "individual" })).not.toContain("scrap-metal-licence");
  });

  it("normalizes text for comparison", () => {
    expect(normalizeSearchText("  «Қара»   МЕТАЛЛ—сынығы ")).toBe("қара металл сынығы");
  });
});
