import { z } from "zod";

/**
 * Words shared with the rest of the portal (database enums, permissions, message keys).
 * Kept as zod enums so data files, commands and the UI all use exactly these strings.
 */
export const STAFF_ROLES = ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] as const;
export const ROLES = [...STAFF_ROLES, "APPLICANT", "SUPERVISOR", "ADMIN", "PSC_OPERATOR", "PSC_HEAD"] as const;
export const ZStaffRole = z.enum(STAFF_ROLES);
export const ZRole = z.enum(ROLES);
export type TStaffRole = z.output<typeof ZStaffRole>;
export type TRole = z.output<typeof ZRole>;

export const VARIANTS = ["issue", "annex", "reissue", "duplicate", "registration", "reregistration"] as const;
export const ZVariant = z.enum(VARIANTS);
export type TVariant = z.output<typeof ZVariant>;

export const APPLICATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_PROGRESS",
  "SUSPENDED",
  "DEEMED_ISSUED",
  "ISSUED",
  "REFUSED",
  "WITHDRAWN",
] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.output<typeof ZApplicationStatus>;

/** Same shape as `ZTerm` of lib/law/calendar; redeclared because regulations may not import the calendar. */
export const ZTermUnit = z.enum(["minutes", "hours", "workingDays", "calendarDays"]);
export const ZTerm = z
  .object({ value: z.number().positive(), unit: ZTermUnit })
  .strict()
  .refine((t) => t.unit === "minutes" || t.unit === "hours" || Number.isInteger(t.value), {
    message: "working and calendar days must be whole numbers",
    path: ["value"],
  });
export type TTerm = z.output<typeof ZTerm>;

/**
 * Step keys: the name of a step as the applicant sees it (messages workflow.step.<key>).
 * A closed list so every key in every data file has a text in kk/ru/en.
 */
export const STEP_KEYS = [
  "register",
  "assign_deputy_head",
  "assign_department_head",
  "assign_executor",
  "check_completeness",
  "check_qualification",
  "inspect",
  "review",
  "draw_up",
  "sign",
  "hand_over",
] as const;
export const ZStepKey = z.enum(STEP_KEYS);
export type TStepKey = z.output<typeof ZStepKey>;

/**
 * What a step does; decides which commands complete it.
 * register → `register`; assign → `assign`; work → `start_review` / `record_check` / `draft_decision`;
 * sign → `sign_decision` (or `return_for_revision` back to the drafting step); hand_over → `hand_over`.
 */
export const STEP_ACTIONS = ["register", "assign", "work", "sign", "hand_over"] as const;
export const ZStepAction = z.enum(STEP_ACTIONS);
export type TStepAction = z.output<typeof ZStepAction>;

/** Outcomes a step may end with (ApplicationStep.outcome). */
export const STEP_OUTCOMES = [
  "registered",
  "assigned",
  "checked",
  "check_failed",
  "draft_licence",
  "draft_refusal",
  "signed",
  /** The head returned the draft to the executor for revision (`return_for_revision`; no data file lists it). */
  "returned",
  "handed_over",
] as const;
export const ZStepOutcome = z.enum(STEP_OUTCOMES);
export type TStepOutcome = z.output<typeof ZStepOutcome>;

export const CHECKS = ["completeness", "qualification", "inspection"] as const;
export const ZCheck = z.enum(CHECKS);
export type TCheck = z.output<typeof ZCheck>;

/** Codes of the reasons a regulation may allow for suspending an application. */
export const SUSPENSION_REASONS = ["correction_requested", "applicant_request", "court_order", "state_body_request"] as const;
export const ZSuspensionReason = z.enum(SUSPENSION_REASONS);
export type TSuspensionReason = z.output<typeof ZSuspensionReason>;

/** "NNN Lx-y" citation of a seed file, as in the catalogue. */
export const ZSourceLines = z.array(z.string().regex(/^\d{3} L\d+(-\d+)?$/, 'expected "NNN Lx" or "NNN Lx-y"'));

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

export const ZLocalized = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) }).strict();
export type TLocalized = z.output<typeof ZLocalized>;
