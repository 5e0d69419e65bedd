import { describe, expect, it } from "vitest";
import { getRegulations } from "@/lib/law/regulations";
import { getService } from "@/lib/law/catalogue";
import { def, executor, head, clerk, assignTo, run, submitted } from "./support/fixtures";

describe("refusal delivery within 2 working days of signing", () => {
  it("scrap (Atyrau): the hand-over of a signed refusal is due 2 working days later [004 L7874-7879]", () => {
    const d = def("atyrau-2014-scrap", 1, "issue");
    expect(d.refusalDelivery).toEqual({ term: { value: 2, unit: "workingDays" } });
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: false }, executor, "2025-03-03T12:00:00Z").next;
    s = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "No charter" } }, executor, "2025-03-03T12:10:00Z").next;
    const signed = run(d, s, { type: "sign_decision" }, head, "2025-03-03T12:20:00Z");
    expect(signed.next.stepKey).toBe("hand_over");
    // Monday 12:20 + 2 working days = Wednesday closing time (simple test calendar).
    expect(signed.next.stepDueAt?.toISOString()).toBe("2025-03-05T18:00:00.000Z");
    expect(signed.effects).toContainEqual(expect.objectContaining({ type: "schedule_job", name: "workflow.step_deadline", runAt: new Date("2025-03-05T18:00:00.000Z") }));
  });

  it("a licence keeps the regulation's hand-over norm (15 min)", () => {
    const d = def("atyrau-2014-scrap", 1, "issue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = { ...s, status: "IN_PROGRESS", stepKey: "sign", stepRole: "HEAD", assigneeId: null, decision: { kind: "licence", subtypes: ["subtype-a"], draftedById: "u-exec", draftedAt: "2025-03-03T12:00:00.000Z" } as never, workflowData: { ...s.workflowData, stepSeq: 5 } };
    const signed = run(d, s, { type: "sign_decision" }, head, "2025-03-03T12:20:00Z");
    expect(signed.next.stepDueAt?.toISOString()).toBe("2025-03-03T12:35:00.000Z");
  });

  it("the regulations of licences 3–9 carry the standard's refusal delivery term with its seed lines [004 L2634-2636]", () => {
    for (const r of getRegulations()) {
      const s = getService(r.scope.serviceCode)!;
      expect(r.refusalDelivery?.term ?? null, r.id).toEqual(s.refusalDeliveryTerm);
      expect(r.refusalDelivery?.sourceLines ?? [], r.id).toEqual(s.refusalDeliverySourceLines);
    }
    expect(getRegulations().find((r) => r.id === "default-mining-chemical-production-licence")!.refusalDelivery!.sourceLines).toEqual(["004 L2634-2636"]);
  });
});
