import { describe, expect, it } from "vitest";
import type { TVariant } from "@/lib/law/regulations";
import type { TWorkflowCommandInput, WorkflowActor } from "@/lib/law/workflow";
import { assignTo, clerk, def, deptHead, deputy, executor, head, run, submitted, draft } from "./support/fixtures";

/**
 * Every regional regulation, every variant, walked step by step on the test calendar
 * (Mon–Fri 09:00–18:00 UTC, no holidays). Each expected due instant is computed by hand in the
 * comment next to it. 2025-03-03 is a Monday.
 */
type Row = { at: string; by: WorkflowActor; cmd: TWorkflowCommandInput; step: string | null; due: string | null };
type Walk = { id: string; variant: TVariant; submitAt: string; overallDue: string; completenessDue?: string; firstDue: string; rows: Row[] };

const Z = (s: string) => `2025-03-${s}:00.000Z`;
const start: TWorkflowCommandInput = { type: "start_review" };
const pass = (check: "completeness" | "qualification" | "inspection"): TWorkflowCommandInput => ({ type: "record_check", check, passed: true });
const licence: TWorkflowCommandInput = { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection"] } };
const sign: TWorkflowCommandInput = { type: "sign_decision" };
const paper: TWorkflowCommandInput = { type: "hand_over", mode: "paper", recipientName: "A. Applicant" };
const reg: TWorkflowCommandInput = { type: "register", registrationNumber: "KZ-1" };

const WALKS: Walk[] = [
  {
    id: "atyrau-2014-scrap", variant: "issue",
    submitAt: Z("03T10:00"), overallDue: Z("24T18:00"), // 15 wd after Mon 03 → Mon 24 (Tue4…Fri7=4, Mon10…Fri14=9, Mon17…Fri21=14, Mon24=15)
    firstDue: Z("03T10:15"), // register 15 min
    rows: [
      { at: Z("03T10:05"), by: clerk, cmd: reg, step: "assign_executor", due: Z("03T10:20") }, // 15 min
      { at: Z("03T10:10"), by: head, cmd: assignTo(executor), step: "check_completeness", due: Z("04T18:00") }, // 1 wd after Mon
      { at: Z("03T11:00"), by: executor, cmd: start, step: "check_completeness", due: Z("04T18:00") },
      { at: Z("03T11:30"), by: executor, cmd: pass("completeness"), step: "check_qualification", due: Z("21T18:00") }, // 14 wd after Mon 03
      { at: Z("20T15:00"), by: executor, cmd: pass("qualification"), step: "check_qualification", due: Z("21T18:00") },
      { at: Z("20T15:30"), by: executor, cmd: licence, step: "sign", due: Z("20T15:45") }, // 15 min
      { at: Z("20T15:40"), by: head, cmd: sign, step: "hand_over", due: Z("20T15:55") }, // 15 min
      { at: Z("20T15:50"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "atyrau-2014-scrap", variant: "reissue",
    submitAt: Z("05T09:00"), overallDue: Z("19T18:00"), // 10 wd after Wed 05: Thu6…Fri7=2, Mon10…Fri14=7, Mon17…Wed19=10
    firstDue: Z("05T09:15"),
    rows: [
      { at: Z("05T09:10"), by: clerk, cmd: reg, step: "assign_executor", due: Z("05T09:25") },
      { at: Z("05T09:20"), by: head, cmd: assignTo(executor), step: "check_completeness", due: Z("06T18:00") }, // 1 wd after Wed
      { at: Z("06T09:30"), by: executor, cmd: start, step: "check_completeness", due: Z("06T18:00") },
      // The 14-wd norm would end Wed 26; the legal 10-wd term prevails (capStepTermsToOverallTerm) [000 L133-138 vs 004 L7722-7724].
      { at: Z("06T10:00"), by: executor, cmd: pass("completeness"), step: "check_qualification", due: Z("19T18:00") },
      { at: Z("18T10:30"), by: executor, cmd: pass("qualification"), step: "check_qualification", due: Z("19T18:00") },
      { at: Z("18T11:00"), by: executor, cmd: licence, step: "sign", due: Z("18T11:15") },
      { at: Z("18T11:05"), by: head, cmd: sign, step: "hand_over", due: Z("18T11:20") },
      { at: Z("18T11:10"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "atyrau-2014-scrap", variant: "duplicate",
    submitAt: Z("07T17:50"), overallDue: Z("11T18:00"), // 2 wd after Fri 07: Mon10, Tue11
    firstDue: Z("10T09:05"), // 10 min on Fri + 5 min on Mon
    rows: [
      { at: Z("10T09:00"), by: clerk, cmd: reg, step: "assign_executor", due: Z("10T09:15") },
      { at: Z("10T09:10"), by: head, cmd: assignTo(executor), step: "check_completeness", due: Z("11T18:00") },
      { at: Z("10T09:30"), by: executor, cmd: start, step: "check_completeness", due: Z("11T18:00") },
      { at: Z("10T10:00"), by: executor, cmd: pass("completeness"), step: "check_qualification", due: Z("11T18:00") }, // 1 wd after Mon
      { at: Z("11T17:20"), by: executor, cmd: pass("qualification"), step: "check_qualification", due: Z("11T18:00") },
      { at: Z("11T17:30"), by: executor, cmd: licence, step: "sign", due: Z("11T17:45") },
      { at: Z("11T17:50"), by: head, cmd: sign, step: "hand_over", due: Z("11T18:00") }, // the 15-min norm would end Wed 09:05; capped at the legal term
      { at: Z("12T09:00"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "aktobe-2014-scrap", variant: "issue",
    submitAt: Z("03T16:00"), overallDue: Z("24T18:00"), firstDue: Z("03T16:15"),
    rows: [
      { at: Z("03T16:10"), by: clerk, cmd: reg, step: "assign_executor", due: Z("04T10:10") }, // 3 h: 1 h 50 Mon + 1 h 10 Tue
      { at: Z("04T09:00"), by: head, cmd: assignTo(executor), step: "review", due: Z("11T18:00") }, // 5 wd after Tue 04: Wed5…Fri7=3, Mon10, Tue11
      { at: Z("04T10:00"), by: executor, cmd: start, step: "review", due: Z("11T18:00") },
      { at: Z("05T10:00"), by: executor, cmd: pass("completeness"), step: "review", due: Z("11T18:00") },
      { at: Z("10T13:00"), by: executor, cmd: pass("qualification"), step: "review", due: Z("11T18:00") },
      { at: Z("10T14:00"), by: executor, cmd: licence, step: "sign", due: Z("10T17:00") }, // 3 h
      { at: Z("10T16:30"), by: head, cmd: sign, step: "hand_over", due: Z("10T16:45") },
      { at: Z("10T16:40"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "aktobe-2014-scrap", variant: "reissue",
    submitAt: Z("04T09:00"), overallDue: Z("18T18:00"), // 10 wd after Tue 04: Wed5…Fri7=3, Mon10…Fri14=8, Mon17, Tue18
    firstDue: Z("04T09:15"),
    rows: [
      { at: Z("04T09:05"), by: clerk, cmd: reg, step: "assign_executor", due: Z("04T12:05") },
      { at: Z("04T11:00"), by: head, cmd: assignTo(executor), step: "review", due: Z("11T18:00") },
      { at: Z("05T09:00"), by: executor, cmd: start, step: "review", due: Z("11T18:00") },
      { at: Z("07T16:00"), by: executor, cmd: pass("completeness"), step: "review", due: Z("11T18:00") },
      { at: Z("07T17:00"), by: executor, cmd: licence, step: "sign", due: Z("10T11:00") }, // 1 h Fri + 2 h Mon
      { at: Z("10T10:00"), by: head, cmd: sign, step: "hand_over", due: Z("10T10:15") },
      { at: Z("10T10:05"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "aktobe-2014-scrap", variant: "duplicate",
    submitAt: Z("06T14:00"), overallDue: Z("10T18:00"), // 2 wd after Thu 06: Fri7, Mon10
    firstDue: Z("06T14:15"),
    rows: [
      { at: Z("06T14:10"), by: clerk, cmd: reg, step: "assign_executor", due: Z("06T17:10") },
      { at: Z("06T15:00"), by: head, cmd: assignTo(executor), step: "review", due: Z("06T18:00") }, // 3 h fill the day exactly
      { at: Z("06T15:10"), by: executor, cmd: start, step: "review", due: Z("06T18:00") },
      { at: Z("06T16:30"), by: executor, cmd: pass("completeness"), step: "review", due: Z("06T18:00") },
      { at: Z("06T17:00"), by: executor, cmd: licence, step: "sign", due: Z("07T11:00") }, // 1 h Thu + 2 h Fri
      { at: Z("07T10:00"), by: head, cmd: sign, step: "hand_over", due: Z("07T10:15") },
      { at: Z("07T10:10"), by: clerk, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "west-kazakhstan-2013-scrap", variant: "issue",
    submitAt: Z("03T12:00"), overallDue: Z("24T18:00"), firstDue: Z("03T12:15"),
    rows: [
      { at: Z("03T12:05"), by: clerk, cmd: reg, step: "assign_executor", due: Z("03T15:05") },
      { at: Z("03T14:00"), by: head, cmd: assignTo(executor), step: "review", due: Z("19T18:00") }, // 12 wd after Mon 03
      { at: Z("04T09:00"), by: executor, cmd: start, step: "review", due: Z("19T18:00") },
      { at: Z("05T09:00"), by: executor, cmd: pass("completeness"), step: "review", due: Z("19T18:00") },
      { at: Z("19T15:00"), by: executor, cmd: pass("qualification"), step: "review", due: Z("19T18:00") },
      { at: Z("19T16:00"), by: executor, cmd: licence, step: "sign", due: Z("20T18:00") }, // 1 wd after Wed 19
      { at: Z("20T10:00"), by: head, cmd: sign, step: "hand_over", due: Z("20T10:15") },
      { at: Z("20T10:10"), by: clerk, cmd: { type: "hand_over", mode: "electronic" }, step: null, due: null },
    ],
  },
  {
    id: "west-kazakhstan-2013-scrap", variant: "reissue",
    submitAt: Z("03T12:00"), overallDue: Z("17T18:00"), // 10 wd after Mon 03
    firstDue: Z("03T12:15"),
    rows: [
      { at: Z("03T12:05"), by: clerk, cmd: reg, step: "assign_executor", due: Z("03T15:05") },
      { at: Z("03T14:00"), by: head, cmd: assignTo(executor), step: "review", due: Z("12T18:00") }, // 7 wd after Mon 03
      { at: Z("04T09:00"), by: executor, cmd: start, step: "review", due: Z("12T18:00") },
      { at: Z("10T09:00"), by: executor, cmd: pass("completeness"), step: "review", due: Z("12T18:00") },
      { at: Z("11T09:00"), by: executor, cmd: licence, step: "sign", due: Z("12T18:00") }, // 1 wd after Tue 11
      { at: Z("12T09:00"), by: head, cmd: sign, step: "hand_over", due: Z("12T09:15") },
      { at: Z("12T09:10"), by: clerk, cmd: { type: "hand_over", mode: "electronic" }, step: null, due: null },
    ],
  },
  {
    id: "west-kazakhstan-2013-scrap", variant: "duplicate",
    submitAt: Z("07T17:30"), overallDue: Z("11T18:00"), firstDue: Z("07T17:45"),
    rows: [
      { at: Z("07T17:40"), by: clerk, cmd: reg, step: "assign_executor", due: Z("10T10:40") }, // 20 min Fri + 1 h 40 Mon
      { at: Z("10T09:30"), by: head, cmd: assignTo(executor), step: "review", due: Z("10T12:30") }, // 3 h
      { at: Z("10T09:40"), by: executor, cmd: start, step: "review", due: Z("10T12:30") },
      { at: Z("10T11:50"), by: executor, cmd: pass("completeness"), step: "review", due: Z("10T12:30") },
      { at: Z("10T12:00"), by: executor, cmd: licence, step: "sign", due: Z("10T13:00") }, // 1 h
      { at: Z("10T12:30"), by: head, cmd: sign, step: "hand_over", due: Z("10T12:45") },
      { at: Z("10T12:40"), by: clerk, cmd: { type: "hand_over", mode: "electronic" }, step: null, due: null },
    ],
  },
  {
    id: "east-kazakhstan-2014-grain", variant: "issue",
    submitAt: Z("03T09:00"), overallDue: Z("24T18:00"), completenessDue: Z("05T18:00"), // 2 wd after Mon 03
    firstDue: Z("03T09:30"), // 30 min
    rows: [
      { at: Z("03T09:20"), by: clerk, cmd: reg, step: "assign_deputy_head", due: Z("04T18:00") }, // 1 wd
      { at: Z("03T11:00"), by: head, cmd: assignTo(deputy), step: "assign_department_head", due: Z("04T18:00") }, // 1 wd after Mon
      { at: Z("04T10:00"), by: deputy, cmd: assignTo(deptHead), step: "assign_executor", due: Z("05T18:00") }, // 1 wd after Tue
      { at: Z("04T15:00"), by: deptHead, cmd: assignTo(executor), step: "check_completeness", due: Z("04T15:30") }, // 30 min
      { at: Z("04T15:10"), by: executor, cmd: start, step: "check_completeness", due: Z("04T15:30") },
      { at: Z("04T15:20"), by: executor, cmd: pass("completeness"), step: "inspect", due: Z("06T18:00") }, // 2 wd after Tue 04
      { at: Z("06T12:00"), by: executor, cmd: pass("inspection"), step: "draw_up", due: Z("06T12:30") }, // 30 min
      { at: Z("06T12:20"), by: executor, cmd: { type: "draft_decision", decision: { kind: "licence", subtypes: ["grain-warehouse-services"] } }, step: "sign", due: Z("06T15:20") }, // 3 h
      { at: Z("06T14:00"), by: head, cmd: sign, step: "hand_over", due: Z("06T14:30") }, // 30 min
      { at: Z("06T14:10"), by: executor, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "east-kazakhstan-2014-grain", variant: "reissue",
    submitAt: Z("05T17:45"), overallDue: Z("19T18:00"), completenessDue: Z("07T18:00"),
    firstDue: Z("06T09:15"), // 15 min Wed + 15 min Thu
    rows: [
      { at: Z("06T09:00"), by: clerk, cmd: reg, step: "assign_deputy_head", due: Z("07T18:00") },
      { at: Z("06T09:30"), by: head, cmd: assignTo(deputy), step: "assign_department_head", due: Z("07T18:00") },
      { at: Z("06T13:00"), by: deputy, cmd: assignTo(deptHead), step: "assign_executor", due: Z("07T18:00") },
      { at: Z("07T09:00"), by: deptHead, cmd: assignTo(executor), step: "check_completeness", due: Z("07T09:30") },
      { at: Z("07T09:05"), by: executor, cmd: start, step: "check_completeness", due: Z("07T09:30") },
      { at: Z("07T09:20"), by: executor, cmd: pass("completeness"), step: "draw_up", due: Z("07T09:50") },
      { at: Z("07T09:40"), by: executor, cmd: { type: "draft_decision", decision: { kind: "licence", subtypes: ["grain-warehouse-services"] } }, step: "sign", due: Z("07T12:40") },
      { at: Z("07T11:00"), by: head, cmd: sign, step: "hand_over", due: Z("07T11:30") },
      { at: Z("07T11:15"), by: executor, cmd: paper, step: null, due: null },
    ],
  },
  {
    id: "east-kazakhstan-2014-grain", variant: "duplicate",
    submitAt: Z("10T13:00"), overallDue: Z("12T18:00"), completenessDue: Z("12T18:00"), firstDue: Z("10T13:30"),
    rows: [
      { at: Z("10T13:10"), by: clerk, cmd: reg, step: "assign_deputy_head", due: Z("11T18:00") }, // 1 wd
      { at: Z("10T16:00"), by: head, cmd: assignTo(deputy), step: "assign_department_head", due: Z("11T10:00") }, // 3 h: 2 h Mon + 1 h Tue
      { at: Z("11T09:30"), by: deputy, cmd: assignTo(deptHead), step: "assign_executor", due: Z("11T11:30") }, // 2 h
      { at: Z("11T11:00"), by: deptHead, cmd: assignTo(executor), step: "check_completeness", due: Z("11T11:30") },
      { at: Z("11T11:05"), by: executor, cmd: start, step: "check_completeness", due: Z("11T11:30") },
      { at: Z("11T11:10"), by: executor, cmd: pass("completeness"), step: "draw_up", due: Z("11T11:40") },
      { at: Z("11T11:30"), by: executor, cmd: { type: "draft_decision", decision: { kind: "licence", subtypes: ["grain-warehouse-services"] } }, step: "sign", due: Z("11T14:30") },
      { at: Z("11T14:00"), by: head, cmd: sign, step: "hand_over", due: Z("11T14:30") },
      { at: Z("11T14:20"), by: executor, cmd: paper, step: null, due: null },
    ],
  },
];

describe("regional regulations walked step by step", () => {
  it("cover every variant of every regional regulation", () => {
    const covered = new Set(WALKS.map((w) => `${w.id}/${w.variant}`));
    for (const id of ["atyrau-2014-scrap", "aktobe-2014-scrap", "west-kazakhstan-2013-scrap", "east-kazakhstan-2014-grain"]) {
      for (const v of ["issue", "reissue", "duplicate"]) expect(covered.has(`${id}/${v}`), `${id}/${v}`).toBe(true);
    }
  });

  it.each(WALKS.map((w) => [`${w.id} ${w.variant}`, w] as const))("%s", (_, w) => {
    const d = def(w.id, 1, w.variant);
    // West Kazakhstan registers portal requests automatically [002 L178-179] (auto-registration.test.ts):
    // its walks are walk-ins, which the office clerk registers.
    let s = submitted(d, w.submitAt, draft(w.id === "west-kazakhstan-2013-scrap" ? "PROVIDER" : "PORTAL"));
    expect(s.status).toBe("SUBMITTED");
    expect(s.dueAt?.toISOString()).toBe(w.overallDue);
    expect(s.workflowData.completenessDueAt ?? null).toBe(w.completenessDue ?? null);
    expect([s.stepKey, s.stepDueAt?.toISOString()]).toEqual(["register", w.firstDue]);
    for (const row of w.rows) {
      s = run(d, s, row.cmd, row.by, row.at).next;
      expect([row.cmd.type, s.stepKey, s.stepDueAt?.toISOString() ?? null]).toEqual([row.cmd.type, row.step, row.due]);
    }
    expect(s.status).toBe("ISSUED");
    expect(s.closedAt?.toISOString()).toBe(w.rows[w.rows.length - 1]!.at);
    // The walk visited every step of the variant, in order.
    expect(d.steps.map((x) => x.key)).toEqual(["register", ...new Set(w.rows.map((r) => r.step).filter((k): k is string => k !== null))]);
  });
});
