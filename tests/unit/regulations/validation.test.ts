import { describe, expect, it } from "vitest";
import {
  getRegulation,
  loadRegulationFiles,
  parseRegulationFile,
  REGULATION_DATA_FILES,
  RegulationDataError,
  type TRegulationVersion,
} from "@/lib/law/regulations";

const atyrauFile = REGULATION_DATA_FILES.find((f) => f.file.endsWith("atyrau-2014-scrap.json"))!;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
type Raw = { versions: Record<string, any>[] };

function loadError(files: { file: string; data: unknown }[]): RegulationDataError {
  try {
    loadRegulationFiles(files);
  } catch (e) {
    if (e instanceof RegulationDataError) return e;
    throw e;
  }
  throw new Error("expected a RegulationDataError");
}

describe("invalid data fails fast and names the file and the field", () => {
  it("a wrong role deep in a step", () => {
    const data = clone(atyrauFile.data) as Raw;
    data.versions[0]!.variants.issue.steps[2].role = "JANITOR";
    const e = loadError([{ file: "lib/law/regulations/data/broken.json", data }]);
    expect(e.message).toContain("lib/law/regulations/data/broken.json: versions[0].variants.issue.steps[2].role:");
    expect(e.errors[0]).toMatchObject({ file: "lib/law/regulations/data/broken.json", path: "versions[0].variants.issue.steps[2].role" });
  });

  it("a fractional number of working days, an unknown field, a bad date, a bad citation", () => {
    const data = clone(atyrauFile.data) as Raw;
    const v = data.versions[0]!;
    v.variants.reissue.steps[3].term = { value: 1.5, unit: "workingDays" };
    v.variants.duplicate.steps[0].colour = "red";
    v.effectiveFrom = "2014-02-30";
    v.variants.issue.steps[0].sourceLines = ["000:127"];
    const paths = loadError([{ file: "x.json", data }]).errors.map((err) => err.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "versions[0].variants.reissue.steps[3].term.value",
        "versions[0].variants.duplicate.steps[0]",
        "versions[0].effectiveFrom",
        "versions[0].variants.issue.steps[0].sourceLines[0]",
      ]),
    );
  });

  it("step order rules: registration first, signature right before the hand-over, an assignment names another role", () => {
    const data = clone(atyrauFile.data) as Raw;
    const steps = data.versions[0]!.variants.issue.steps;
    [steps[4], steps[5]] = [steps[5], steps[4]]; // hand-over before signing
    data.versions[0]!.variants.reissue.steps[1].role = "EXECUTOR"; // executor "assigns" the executor
    data.versions[0]!.variants.duplicate.steps.shift(); // no registration
    const msgs = loadError([{ file: "x.json", data }]).errors.map((err) => `${err.path}: ${err.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        "versions[0].variants.issue.steps[4]: only the last step hands over",
        "versions[0].variants.reissue.steps[1]: an assignment must name a person of another role",
        "versions[0].variants.duplicate.steps[0]: the first step must be the office registering the application",
      ]),
    );
  });

  it("a variant in scope without a procedure, and a default bound to a region", () => {
    const data = clone(atyrauFile.data) as Raw;
    delete data.versions[0]!.variants.duplicate;
    data.versions[0]!.kind = "default";
    const msgs = loadError([{ file: "x.json", data }]).errors.map((err) => `${err.path}: ${err.message}`);
    expect(msgs).toContain('versions[0].variants.duplicate: variant "duplicate" is in scope but has no procedure');
    expect(msgs).toContain("versions[0].scope: a default regulation binds no region or organisation");
  });
});

describe("validity periods of one scope must not overlap", () => {
  const v1 = clone(getRegulation("atyrau-2014-scrap", 1)) as TRegulationVersion;

  it("rejects two versions of the same scope in force on the same day, naming the file", () => {
    const file1 = { versions: [{ ...v1, effectiveTo: "2016-12-31" }] };
    const file2 = { versions: [{ ...v1, version: 2, effectiveFrom: "2016-12-31", effectiveTo: null }] };
    const e = loadError([{ file: "a.json", data: file1 }, { file: "b.json", data: file2 }]);
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]).toMatchObject({ file: "b.json", path: "versions[0].effectiveFrom" });
    expect(e.errors[0]!.message).toContain("overlaps atyrau-2014-scrap v1 (a.json)");
  });

  it("accepts consecutive periods, other regions and disjoint variants", () => {
    const consecutive = [
      { file: "a.json", data: { versions: [{ ...v1, effectiveTo: "2016-12-31" }, { ...v1, version: 2, effectiveFrom: "2017-01-01" }] } },
    ];
    expect(loadRegulationFiles(consecutive)).toHaveLength(2);
    const otherRegion = { ...v1, id: "mangystau-scrap", scope: { ...v1.scope, region: "mangystau" } };
    expect(loadRegulationFiles([{ file: "a.json", data: { versions: [v1] } }, { file: "b.json", data: { versions: [otherRegion] } }])).toHaveLength(2);
    const { reissue, duplicate, ...onlyIssue } = v1.variants;
    void reissue;
    void duplicate;
    const issueOnly = { ...v1, id: "atyrau-issue-only", scope: { ...v1.scope, variants: ["issue"] }, variants: onlyIssue };
    const rest = { ...v1, id: "atyrau-rest", scope: { ...v1.scope, variants: ["reissue", "duplicate"] }, variants: { reissue: v1.variants.reissue, duplicate: v1.variants.duplicate } };
    expect(loadRegulationFiles([{ file: "a.json", data: { versions: [issueOnly] } }, { file: "b.json", data: { versions: [rest] } }])).toHaveLength(2);
  });

  it("the shipped data has no overlap (it loads), including the two versions of the decree-706 defaults", () => {
    const v = [getRegulation("default-poisons-licence", 1), getRegulation("default-poisons-licence", 2)];
    expect(v.map((x) => [x.effectiveFrom, x.effectiveTo])).toEqual([["2012-09-11", "2013-07-20"], ["2013-07-21", null]]);
  });
});

describe("parseRegulationFile (administrator upload)", () => {
  const v1 = clone(getRegulation("aktobe-2014-scrap", 1)) as TRegulationVersion;

  it("returns the validated versions", () => {
    const r = parseRegulationFile({ ...v1, version: 2, effectiveFrom: "2026-01-01" }, { existing: [{ ...v1, effectiveTo: "2025-12-31" }] });
    expect(r.ok && r.versions.map((x) => x.version)).toEqual([2]);
  });

  it("returns field errors instead of throwing", () => {
    const r = parseRegulationFile({ ...v1, version: 0, refusalGrounds: [] }, { file: "upload.json" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(["refusalGrounds", "version"]);
  });

  it("rejects a version overlapping one already active", () => {
    const r = parseRegulationFile({ versions: [{ ...v1, version: 2, effectiveFrom: "2026-01-01" }] }, { file: "upload.json", existing: [v1] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: "upload.json", path: "versions[0].effectiveFrom" });
  });
});
