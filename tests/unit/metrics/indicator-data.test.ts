import { describe, expect, it } from "vitest";
import { getCatalogue, getIndicatorData, indicatorTarget, parseIndicatorData, publishesInformationOnline, QUALITY_INDICATOR_IDS } from "@/lib/law/catalogue";
import indicatorsJson from "@/lib/law/catalogue/data/indicators.json";

describe("quality indicators as data (lib/law/catalogue/data/indicators.json)", () => {
  it("indicator 3.2 counts every standard that publishes its information online [004 L9095-9140, L207-209, L9528-9530]", () => {
    const services = getCatalogue().services.map((s) => s.code);
    expect(services.every(publishesInformationOnline)).toBe(true);
    const d = getIndicatorData();
    expect(d.informationOnline.map((x) => x.service).sort()).toEqual([...services].sort());
    expect(d.informationOnline.find((x) => x.service === "export-control-transit-permit")!.sourceLines).toEqual(["004 L207-209"]);
    expect(d.indicators.find((i) => i.id === "3.2")!.sourceLines).toContain("004 L9095-9140");
  });

  it("every indicator has the normative value 100 [004 L472-532]", () => {
    expect(getIndicatorData().indicators.map((i) => [i.id, i.normative])).toEqual(QUALITY_INDICATOR_IDS.map((id) => [id, 100]));
  });

  it("yearly targets per indicator and year, approved by order [004 L358-361, L7928-7930]", () => {
    for (const t of getIndicatorData().targets) expect(t.sourceLines).toEqual(["004 L358-361", "004 L7928-7930"]);
    expect(indicatorTarget(2026, "3.2")).toBe(100);
    expect(indicatorTarget(1999, "1.1")).toBeNull();
  });

  it("rejects a duplicate year with the field path", () => {
    const broken = structuredClone(indicatorsJson) as { targets: { year: number }[] };
    broken.targets[1]!.year = broken.targets[0]!.year;
    expect(() => parseIndicatorData(broken)).toThrow(/targets\[1\]\.year/);
  });
});
