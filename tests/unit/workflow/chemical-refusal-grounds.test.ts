import { describe, expect, it } from "vitest";
import { getService } from "@/lib/law/catalogue";
import { getRegulation } from "@/lib/law/regulations";
import { def, executor, head, clerk, assignTo, run, submitted } from "./support/fixtures";

describe("chemical products: refusal grounds are exactly the standard's list [004 L9290-9323]", () => {
  it("no extra incomplete_package ground; the four grounds of the standard", () => {
    const r = getRegulation("default-chemical-product-registration", 1);
    expect(r.refusalGrounds).toEqual(getService("chemical-product-registration")!.refusalGrounds.map((g) => g.code));
    expect(r.refusalGrounds).toEqual(["product_nonconforming", "passport_incomplete", "passport_inaccurate", "informatization_law_art40"]);
    for (const v of ["registration", "reregistration"] as const) expect(r.variants[v]!.completenessRefusalGround).toBeNull();
  });

  it("after a failed completeness check the refusal cites a ground of the standard (art. 40 / art. 36 request requirements) [004 L9314-9323]", () => {
    const d = def("default-chemical-product-registration", 1, "registration");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: false }, executor, "2025-03-03T12:00:00Z").next;
    expect(() => run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "x" } }, executor, "2025-03-03T12:10:00Z")).toThrow("workflow.unknown_ground");
    const r = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["informatization_law_art40"], reason: "The request lacks the contact data" } }, executor, "2025-03-03T12:10:00Z");
    expect(r.next.decision).toMatchObject({ kind: "refusal", grounds: ["informatization_law_art40"] });
  });
});
