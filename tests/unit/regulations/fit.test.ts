import { describe, expect, it } from "vitest";
import { getRegulations, type TRegulationVersion, type TVariant } from "@/lib/law/regulations";
import { simpleComputeDue } from "../workflow/support/simple-calendar";

/**
 * Worst case: every step uses its whole norm and the next starts at that moment. Does the chain end
 * within the standard's overall term counted from submission? Checked from several submission
 * instants on the test calendar (Mon–Fri 09:00–18:00), including one minute before closing.
 */
const STARTS = ["2025-03-03T09:00:00Z", "2025-03-05T12:30:00Z", "2025-03-06T17:59:00Z", "2025-03-07T17:59:00Z", "2025-03-08T12:00:00Z"].map((s) => new Date(s));

function fits(r: TRegulationVersion, v: TVariant, start: Date): boolean {
  const p = r.variants[v]!;
  const end = p.steps.reduce((t, s) => simpleComputeDue(s.term, t), start);
  return end <= simpleComputeDue(p.overallTerm, start);
}

const all = getRegulations().flatMap((r) => r.scope.variants.map((v) => ({ r, v, label: `${r.id} v${r.version} ${v}` })));

describe("step norms against the standard's overall term", () => {
  it("every default regulation and the West Kazakhstan steps (chosen by us) fit, whatever the submission time", () => {
    for (const { r, v, label } of all.filter((x) => x.r.kind === "default" || x.r.id === "west-kazakhstan-2013-scrap")) {
      for (const start of STARTS) expect(fits(r, v, start), `${label} from ${start.toISOString()}`).toBe(true);
    }
  });

  it("the seed step tables that exceed it are exactly the ones documented in their choices", () => {
    const exceeding = all.filter(({ r, v }) => STARTS.some((s) => !fits(r, v, s))).map((x) => x.label);
    expect(exceeding).toEqual([
      "atyrau-2014-scrap v1 issue", // 15 wd of executor time + 1 h of office and head steps
      "atyrau-2014-scrap v1 reissue", // 15 wd + 1 h against 10 wd
      "atyrau-2014-scrap v1 duplicate", // 2 wd + 1 h against 2 wd
      "east-kazakhstan-2014-grain v1 duplicate", // 1 wd + 9 h 30 against 2 wd (term not in the seeds)
    ]);
  });
});
