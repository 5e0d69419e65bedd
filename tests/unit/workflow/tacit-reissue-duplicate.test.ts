import { describe, expect, it } from "vitest";
import { getRegulations } from "@/lib/law/regulations";
import { def, run, submitted, system } from "./support/fixtures";

describe("tacit approval for reissue and duplicate, each on its own term [004 L2652-2656, L7892-7895]", () => {
  it("every version with the clause applies it to all its variants, including reissue and duplicate", () => {
    for (const r of getRegulations().filter((x) => x.tacitApproval)) {
      for (const v of r.scope.variants) expect(def(r.id, r.version, v).tacitApproval, `${r.id} ${v}`).toEqual({ handOverTerm: { value: 5, unit: "workingDays" } });
    }
  });

  it("scrap duplicate (2 wd) and reissue (10 wd): deemed issued when their own term passes [004 L7717-7727, L7892-7895]", () => {
    for (const [variant, due] of [["duplicate", "2025-03-05T18:00:00.000Z"], ["reissue", "2025-03-17T18:00:00.000Z"]] as const) {
      const d = def("default-scrap-metal-licence", 1, variant);
      const s = submitted(d, "2025-03-03T10:00:00Z");
      expect(s.dueAt?.toISOString()).toBe(due);
      const n = run(d, s, { type: "deadline_passed", deadline: "overall" }, system, due).next;
      expect(n.status, variant).toBe("DEEMED_ISSUED");
    }
  });
});
