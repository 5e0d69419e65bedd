import { describe, expect, it } from "vitest";
import { availableCommands } from "@/lib/law/workflow";
import { applicant, assignTo, clerk, def, draft, executor, head, headNoSign, otherExecutor, run, staff, submitted, supervisor, system } from "./support/fixtures";

const d = def("aktobe-2014-scrap", 1, "issue");

describe("availableCommands: what the UI may offer this actor now", () => {
  it("draft: the applicant submits only once paid and signed; the system records those facts", () => {
    expect(availableCommands(d, draft(), applicant)).toEqual(["withdraw"]);
    expect(availableCommands(d, draft(), system)).toEqual(["payment_confirmed", "signature_verified"]);
    let s = run(d, draft(), { type: "payment_confirmed" }, system, "2025-03-03T09:00:00Z").next;
    s = run(d, s, { type: "signature_verified" }, system, "2025-03-03T09:00:00Z").next;
    expect(availableCommands(d, s, applicant)).toEqual(["submit", "withdraw"]);
    expect(availableCommands(d, s, clerk)).toEqual([]);
  });

  it("at the counter (provider channel) the clerk records the payment and submits", () => {
    const s = run(d, draft("PROVIDER"), { type: "payment_confirmed", paymentRef: "receipt 17" }, clerk, "2025-03-03T09:00:00Z").next;
    expect(availableCommands(d, s, clerk)).toEqual(["payment_confirmed", "submit"]);
    const sub = run(d, s, { type: "submit" }, clerk, "2025-03-03T09:05:00Z").next;
    expect(sub.status).toBe("SUBMITTED");
  });

  it("follows the steps, the roles, the assignee and the signing right", () => {
    let s = submitted(d, "2025-03-03T10:00:00Z");
    expect(availableCommands(d, s, clerk)).toEqual(["register"]);
    expect(availableCommands(d, s, applicant)).toEqual(["withdraw"]);
    expect(availableCommands(d, s, executor)).toEqual([]);
    expect(availableCommands(d, s, system)).toEqual(["deadline_passed"]);
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    expect(availableCommands(d, s, head)).toEqual(["assign"]);
    expect(availableCommands(d, s, applicant)).toEqual([]);
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    expect(availableCommands(d, s, executor)).toEqual(["start_review"]);
    expect(availableCommands(d, s, otherExecutor)).toEqual([]);
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T10:20:00Z").next;
    expect(availableCommands(d, s, executor)).toEqual(["record_check", "draft_decision"]);
    s = run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T10:30:00Z").next;
    s = run(d, s, { type: "record_check", check: "qualification", passed: true }, executor, "2025-03-03T10:40:00Z").next;
    s = run(d, s, { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection"] } }, executor, "2025-03-03T10:50:00Z").next;
    expect(availableCommands(d, s, head)).toEqual(["sign_decision", "return_for_revision"]);
    expect(availableCommands(d, s, headNoSign)).toEqual([]);
    expect(availableCommands(d, s, staff("HEAD", "u-h", { canSign: true, organisationId: "org-aktobe" }))).toEqual([]);
    s = run(d, s, { type: "sign_decision" }, head, "2025-03-03T11:00:00Z").next;
    expect(availableCommands(d, s, clerk)).toEqual(["hand_over"]);
    expect(availableCommands(d, s, supervisor)).toEqual([]);
    s = run(d, s, { type: "hand_over", mode: "electronic" }, clerk, "2025-03-03T11:10:00Z").next;
    for (const a of [clerk, head, executor, applicant, system]) expect(availableCommands(d, s, a)).toEqual([]);
  });
});
