import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCatalogue, getService, parseCatalogue, type TService } from "@/lib/law/catalogue";
import { getOrganisations } from "@/lib/law/organisations";

const root = path.resolve(__dirname, "../../..");
const rawCatalogue = () => JSON.parse(readFileSync(path.join(root, "lib/law/catalogue/data/services.json"), "utf8")) as { services: Record<string, unknown>[] };
const services = getCatalogue().services;
const byStandard = (n: number) => services.find((s) => s.standardNo === n)!;
const SIX = [
  "prohibited_by_law",
  "licence_fee_unpaid",
  "qualification_requirements_not_met",
  "approving_body_not_agreed",
  "court_verdict_prohibits",
  "court_ban_on_bailiff_submission",
];

describe("catalogue data", () => {
  it("loads the 13 standards of decree 1130 and the grain-warehouse licence", () => {
    expect(services).toHaveLength(14);
    expect(services.map((s) => s.standardNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, null]);
    expect(getService("grain-warehouse-receipts-licence")?.providerLevel).toBe("regional");
    // The two amendment-only standards of decree 431 are deliberately absent.
    expect(getService("guarantee-obligation-end-user-certificate")).toBeUndefined();
    expect(getService("nope")).toBeUndefined();
  });

  it("keeps the service codes of shared/spec/services.json", () => {
    const spec = path.resolve(root, "../shared/spec/services.json");
    if (!existsSync(spec)) return;
    const codes = (JSON.parse(readFileSync(spec, "utf8")) as { code: string; partial?: boolean }[]).filter((s) => !s.partial).map((s) => s.code);
    expect(services.map((s) => s.code).sort()).toEqual(codes.sort());
  });

  it("has every title, short title and label in kk, ru and en", () => {
    const texts = (s: TService) => [
      s.title,
      s.shortTitle,
      s.resultDescription,
      s.appeals,
      ...s.activitySubtypes.map((a) => a.label),
      ...s.refusalGrounds.map((a) => a.label),
      ...s.reissueGrounds.map((a) => a.label),
      ...s.variants.flatMap((v) => [...v.documents, ...v.paperDocuments].map((d) => d.label)),
      ...s.qualificationRequirements.map((q) => q.label),
    ];
    for (const s of services) {
      for (const t of texts(s)) {
        expect(t.kk.trim().length, s.code).toBeGreaterThan(0);
        expect(t.ru.trim().length, s.code).toBeGreaterThan(0);
        expect(t.en.trim().length, s.code).toBeGreaterThan(0);
      }
      expect(s.title.kk).toMatch(/[әғқңөұүһі]/); // Kazakh text, not a Russian copy
      expect(s.title.ru).toMatch(/[а-яё]/);
      expect(s.title.ru).not.toMatch(/[әғқңөұүһі]/);
    }
  });

  it("gives every licence 3–9 the six refusal grounds of the Law on licensing", () => {
    for (let n = 3; n <= 9; n++) {
      const s = byStandard(n);
      expect(s.kind, s.code).toBe("licence");
      expect(s.refusalGrounds.map((g) => g.code), s.code).toEqual(SIX);
      expect(s.tacitApproval?.handOverWithin).toEqual({ value: 5, unit: "workingDays" });
      expect(s.refusalDeliveryTerm).toEqual({ value: 2, unit: "workingDays" });
      expect(s.fee.kind).toBe("licence_fee");
    }
  });

  it("models the scrap-metal licence as the standard states it", () => {
    const scrap = getService("scrap-metal-licence")!;
    expect(scrap.recipients).toEqual(["legal_entity"]);
    expect(scrap.providerLevel).toBe("regional");
    expect(scrap.variants.map((v) => [v.code, v.term.value, v.term.unit])).toEqual([
      ["issue", 15, "workingDays"],
      ["reissue", 10, "workingDays"],
      ["duplicate", 2, "workingDays"],
    ]);
    expect(scrap.reissueGrounds.map((g) => g.code)).toEqual(["le_reorganized", "le_name_address_changed", "activity_type_renamed"]);
    expect(scrap.duplicateReasons.map((g) => g.code)).toEqual(["lost", "damaged"]);
    expect(scrap.completenessCheckTerm).toBeNull(); // DIGEST §8: not in the scrap standard
    const land = scrap.qualificationRequirements.filter((q) => q.code.startsWith("land_"));
    expect(land.map((q) => q.code)).toEqual(["land_nonferrous_400", "land_ferrous_1000"]);
    expect(land[0]!.subtypes!.every((c) => c.startsWith("nonferrous-"))).toBe(true);
    expect(scrap.qualificationRequirements.map((q) => q.code)).toEqual(expect.arrayContaining(["truck", "instruction", "trained_staff", "base_lifting_equipment", "base_dosimeter"]));
  });

  it("differs where the standards differ", () => {
    expect(byStandard(8).variants.map((v) => v.code)).toEqual(["issue", "reissue", "duplicate"]);
    expect(byStandard(8).variants.find((v) => v.code === "reissue")!.termNote).toMatch(/no reissue term/);
    for (const n of [3, 4, 5, 6, 7]) expect(byStandard(n).variants.map((v) => v.code)).toContain("annex");
    expect(byStandard(7).recipients).toEqual(["legal_entity"]);
    expect(byStandard(1).variants[0]!.term).toEqual({ value: 30, unit: "calendarDays" });
    expect(byStandard(1).channels).toEqual(["provider"]);
    expect(byStandard(10).acceptanceDayExcluded).toBe(true);
    expect(byStandard(10).variants.map((v) => v.code)).toEqual(["registration", "reregistration"]);
    expect(byStandard(11).serviceTimes.pickupQueueMax).toEqual({ value: 15, unit: "minutes" });
    expect(byStandard(2).tacitApproval).not.toBeNull();
    expect(byStandard(12).tacitApproval).toBeNull();
    for (const n of [1, 2, 10, 11, 12, 13]) expect(byStandard(n).fee.kind).toBe("free");
  });

  it("names only services that exist in the organisations file", () => {
    const codes = new Set(services.map((s) => s.code));
    for (const o of getOrganisations()) for (const c of o.services) expect(codes.has(c), `${o.code}: ${c}`).toBe(true);
  });

  it("cites seed lines that exist", () => {
    const seeds = path.resolve(root, "../shared/seeds");
    if (!existsSync(seeds)) return;
    const lineCount = new Map<string, number>();
    for (const f of ["000_62ac5be5607fd21d.txt", "001_357ba259115cbf27.txt", "002_89b02afd89c472c5.txt", "003_bcfee36acbb3ebf9.txt", "004_f7d4db21a964058d.txt"]) {
      lineCount.set(f.slice(0, 3), readFileSync(path.join(seeds, f), "utf8").split("\n").length);
    }
    const refs = JSON.stringify(rawCatalogue()).match(/"00[0-4] L\d+(?:-\d+)?"/g) ?? [];
    expect(refs.length).toBeGreaterThan(300);
    for (const ref of refs) {
      const [, seed, a, b] = /"(\d{3}) L(\d+)(?:-(\d+))?"/.exec(ref)!;
      const end = Number(b ?? a);
      expect(Number(a) <= end && end <= lineCount.get(seed!)!, ref).toBe(true);
    }
  });
});

describe("catalogue file validation", () => {
  it("fails fast with the file name and the field path", () => {
    const raw = rawCatalogue();
    const scrap = raw.services[8] as { variants: { term: { unit: string } }[] };
    scrap.variants[0]!.term.unit = "weeks";
    expect(() => parseCatalogue(raw)).toThrow(/lib\/law\/catalogue\/data\/services\.json/);
    expect(() => parseCatalogue(raw)).toThrow(/services\[8\]\.variants\[0\]\.term\.unit \(code "scrap-metal-licence"\)/);
  });

  it("rejects a missing Russian title", () => {
    const raw = rawCatalogue();
    delete (raw.services[0]!.title as Record<string, string>).ru;
    expect(() => parseCatalogue(raw, "broken.json")).toThrow(/broken\.json:\n {2}services\[0\]\.title\.ru \(code "export-control-transit-permit"\)/);
  });

  it("rejects a duplicate service code", () => {
    const raw = rawCatalogue();
    raw.services[2]!.code = raw.services[1]!.code;
    expect(() => parseCatalogue(raw)).toThrow(/services\[2\].*duplicate "processing-outside-rk-permit"/);
  });

  it("rejects a licence fee without a rate for an offered variant", () => {
    const raw = rawCatalogue();
    delete ((raw.services[8]!.fee as { mci: Record<string, number> }).mci as Record<string, number>).duplicate;
    expect(() => parseCatalogue(raw)).toThrow(/services\[8\]\.fee\.mci\.duplicate/);
  });
});
