import { describe, expect, it } from "vitest";
import { chainOverrun, getRegulation, getRegulations, overrunningVariants } from "@/lib/law/regulations";
import { def, executor, head, clerk, assignTo, run, submitted } from "../workflow/support/fixtures";

describe("regulation step chains against the legal term", () => {
  it("exactly Atyrau issue/reissue/duplicate [000 L133-138 vs 004 L7722-7724] and East Kazakhstan duplicate [003 L113-114, L130-132] overrun, each resolved (capped)", () => {
    const flagged = getRegulations().flatMap((r) => overrunningVariants(r).map((o) => `${r.id} v${r.version} ${o.variant}${o.capped ? " capped" : ""}`));
    expect(flagged).toEqual([
      "atyrau-2014-scrap v1 issue capped",
      "atyrau-2014-scrap v1 reissue capped",
      "atyrau-2014-scrap v1 duplicate capped",
      "east-kazakhstan-2014-grain v1 duplicate capped",
    ]);
  });

  it("gives both numbers: Atyrau reissue 15 wd + 1 h against 10 wd [000 L133-138, 004 L7722-7724]", () => {
    expect(chainOverrun(getRegulation("atyrau-2014-scrap", 1), "reissue")).toEqual({
      variant: "reissue",
      chain: { workingDays: 15, calendarDays: 0, minutes: 60 },
      legal: { value: 10, unit: "workingDays" },
      exceeds: true,
      capped: true,
    });
    expect(chainOverrun(getRegulation("east-kazakhstan-2014-grain", 1), "duplicate")).toMatchObject({ chain: { workingDays: 1, minutes: 600 }, legal: { value: 2, unit: "workingDays" }, exceeds: true });
    expect(chainOverrun(getRegulation("aktobe-2014-scrap", 1), "issue")).toMatchObject({ exceeds: false, capped: false });
  });

  it("the choice is documented in the file's choices with seed lines", () => {
    const atyrau = getRegulation("atyrau-2014-scrap", 1).choices.find((c) => c.topic === "Step norms against the standard's terms")!;
    expect(atyrau.choice).toMatch(/legal term prevails/);
    expect(atyrau.sourceLines).toEqual(["000 L133-138", "004 L7717-7727", "004 L7722-7724"]);
    const ek = getRegulation("east-kazakhstan-2014-grain", 1).choices.find((c) => c.topic.startsWith("Duplicate norms"))!;
    expect(ek.sourceLines).toEqual(["003 L99-100", "003 L113-114", "003 L130-132", "003 L293-295"]);
  });

  it("the engine caps a step deadline at the overall due instant: Atyrau reissue check_qualification (14 wd) ends with the 10-wd term [004 L7722-7724]", () => {
    const d = def("atyrau-2014-scrap", 1, "reissue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    const overall = s.dueAt!;
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-04T11:00:00Z").next;
    expect(s.stepKey).toBe("check_qualification");
    expect(s.stepDueAt!.toISOString()).toBe(overall.toISOString());
  });
});
