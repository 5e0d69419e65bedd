import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getRegulation, getRegulations, REGULATION_DATA_FILES, type TRegulationVersion, type TStep } from "@/lib/law/regulations";

const root = fileURLToPath(new URL("../../../", import.meta.url));
type CatalogueService = { code: string; variants: { code: string; term: unknown }[]; refusalGrounds: { code: string }[] };
const catalogue = (JSON.parse(readFileSync(`${root}lib/law/catalogue/data/services.json`, "utf8")) as { services: CatalogueService[] }).services;
const service = (code: string) => catalogue.find((s) => s.code === code)!;

const REGIONAL = ["atyrau-2014-scrap", "aktobe-2014-scrap", "west-kazakhstan-2013-scrap", "east-kazakhstan-2014-grain"];
const shape = (r: TRegulationVersion, v: string) =>
  r.variants[v as "issue"]!.steps.map((s: TStep) => `${s.key}:${s.role}:${s.term.value}${{ minutes: "min", hours: "h", workingDays: "wd", calendarDays: "cd" }[s.term.unit]}`);

describe("regulation data files", () => {
  it("are all listed in data-files.ts and all validate at load", () => {
    const onDisk = readdirSync(`${root}lib/law/regulations/data`).filter((f) => f.endsWith(".json")).sort();
    expect(REGULATION_DATA_FILES.map((f) => f.file.replace("lib/law/regulations/data/", "")).sort()).toEqual(onDisk);
    expect(getRegulations().length).toBeGreaterThanOrEqual(onDisk.length);
  });

  it("keep the catalogue's service codes; a default exists for every service", () => {
    const codes = new Set(catalogue.map((s) => s.code));
    for (const r of getRegulations()) expect(codes.has(r.scope.serviceCode), r.id).toBe(true);
    for (const s of catalogue) expect(getRegulations().some((r) => r.kind === "default" && r.scope.serviceCode === s.code), s.code).toBe(true);
  });

  it("defaults cover the catalogue's variants with its terms, and cite only its refusal grounds", () => {
    for (const r of getRegulations()) {
      const s = service(r.scope.serviceCode);
      const grounds = new Set(s.refusalGrounds.map((g) => g.code));
      for (const g of r.refusalGrounds) expect(grounds.has(g), `${r.id}: ${g}`).toBe(true);
      if (r.kind !== "default") continue;
      expect([...r.scope.variants].sort(), r.id).toEqual(s.variants.map((v) => v.code).sort());
      for (const v of s.variants) expect(r.variants[v.code as "issue"]?.overallTerm, `${r.id} ${v.code}`).toEqual(v.term);
    }
  });

  it("Atyrau 000: five seed steps, step 3 split into completeness (1 wd) and qualification (14 / 14 / 1 wd)", () => {
    const r = getRegulation("atyrau-2014-scrap", 1);
    expect(r.scope).toEqual({ region: "atyrau", serviceCode: "scrap-metal-licence", variants: ["issue", "reissue", "duplicate"] });
    const common = (q: string) => ["register:OFFICE_CLERK:15min", "assign_executor:HEAD:15min", "check_completeness:EXECUTOR:1wd", `check_qualification:EXECUTOR:${q}`, "sign:HEAD:15min", "hand_over:OFFICE_CLERK:15min"];
    expect(shape(r, "issue")).toEqual(common("14wd"));
    expect(shape(r, "reissue")).toEqual(common("14wd"));
    expect(shape(r, "duplicate")).toEqual(common("1wd"));
    expect(r.choices.map((c) => c.topic)).toContain("Step 3: completeness check (1 wd) and qualification check (14/14/1 wd) sequential or concurrent");
    expect([r.variants.issue!.overallTerm, r.variants.reissue!.overallTerm, r.variants.duplicate!.overallTerm].map((t) => t.value)).toEqual([15, 10, 2]);
  });

  it("Aktobe 001: 15 min / 3 h / 5 wd / 3 h / 15 min; duplicate executor 3 h", () => {
    const r = getRegulation("aktobe-2014-scrap", 1);
    const steps = (x: string) => ["register:OFFICE_CLERK:15min", "assign_executor:HEAD:3h", `review:EXECUTOR:${x}`, "sign:HEAD:3h", "hand_over:OFFICE_CLERK:15min"];
    expect(shape(r, "issue")).toEqual(steps("5wd"));
    expect(shape(r, "reissue")).toEqual(steps("5wd"));
    expect(shape(r, "duplicate")).toEqual(steps("3h"));
  });

  it("West Kazakhstan 002: chosen staff steps inside the 15-wd IS processing time", () => {
    const r = getRegulation("west-kazakhstan-2013-scrap", 1);
    expect(shape(r, "issue")).toEqual(["register:OFFICE_CLERK:15min", "assign_executor:HEAD:3h", "review:EXECUTOR:12wd", "sign:HEAD:1wd", "hand_over:OFFICE_CLERK:15min"]);
    expect(shape(r, "reissue")).toEqual(["register:OFFICE_CLERK:15min", "assign_executor:HEAD:3h", "review:EXECUTOR:7wd", "sign:HEAD:1wd", "hand_over:OFFICE_CLERK:15min"]);
    expect(shape(r, "duplicate")).toEqual(["register:OFFICE_CLERK:15min", "assign_executor:HEAD:2h", "review:EXECUTOR:3h", "sign:HEAD:1h", "hand_over:OFFICE_CLERK:15min"]);
    expect(r.choices[0]!.sourceLines).toContain("002 L436");
  });

  it("East Kazakhstan 003: three resolutions, completeness 30 min, inspection 2 wd (issue), draw-up 30 min", () => {
    const r = getRegulation("east-kazakhstan-2014-grain", 1);
    const chain = (a: string, b: string) => ["register:OFFICE_CLERK:30min", "assign_deputy_head:HEAD:1wd", `assign_department_head:DEPUTY_HEAD:${a}`, `assign_executor:DEPARTMENT_HEAD:${b}`, "check_completeness:EXECUTOR:30min"];
    const tail = ["draw_up:EXECUTOR:30min", "sign:HEAD:3h", "hand_over:EXECUTOR:30min"];
    expect(shape(r, "issue")).toEqual([...chain("1wd", "1wd"), "inspect:EXECUTOR:2wd", ...tail]);
    expect(shape(r, "reissue")).toEqual([...chain("1wd", "1wd"), ...tail]);
    expect(shape(r, "duplicate")).toEqual([...chain("3h", "2h"), ...tail]);
    expect(r.variants.issue!.completenessTerm).toEqual({ value: 2, unit: "workingDays" });
    expect(r.choices.map((c) => c.topic)).toContain("Actor of the pre-licensing inspection");
  });

  it("regional steps cite their seed; the steps without a seed rule are exactly the documented ones", () => {
    const unsourced: string[] = [];
    for (const id of REGIONAL) {
      const r = getRegulation(id, 1);
      const seed = r.sourceSeed.slice(0, 3);
      for (const [v, p] of Object.entries(r.variants)) {
        for (const s of p!.steps) {
          if (s.sourceLines.length === 0) unsourced.push(`${id}/${v}/${s.key}`);
          for (const l of s.sourceLines) expect([seed, "004"], `${id} ${s.key} ${l}`).toContain(l.slice(0, 3));
        }
      }
    }
    expect(unsourced).toEqual([
      "west-kazakhstan-2013-scrap/issue/assign_executor",
      "west-kazakhstan-2013-scrap/reissue/assign_executor",
      "west-kazakhstan-2013-scrap/duplicate/assign_executor",
      "east-kazakhstan-2014-grain/reissue/hand_over",
    ]);
  });

  it("every regulation records its choices with alternatives, and regional versions their acts", () => {
    for (const r of getRegulations()) {
      expect(r.choices.length, r.id).toBeGreaterThan(0);
      for (const c of r.choices) expect(c.alternatives.length, `${r.id}: ${c.topic}`).toBeGreaterThan(0);
      if (r.kind === "regional") {
        expect(r.approvingAct, r.id).not.toBeNull();
        expect(r.registration, r.id).not.toBeNull();
        expect(r.repeal, r.id).not.toBeNull();
      }
    }
  });
});
