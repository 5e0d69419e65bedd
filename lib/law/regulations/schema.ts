import { z } from "zod";
import {
  ZCheck,
  ZIsoDate,
  ZLocalized,
  ZSourceLines,
  ZStaffRole,
  ZStepAction,
  ZStepKey,
  ZStepOutcome,
  ZSuspensionReason,
  ZTerm,
  ZVariant,
  type TStepAction,
  type TStepOutcome,
} from "./vocabulary";

/** Outcomes each kind of step may list (a data file cannot give a sign step a "registered" outcome). */
const OUTCOMES_BY_ACTION: Record<TStepAction, readonly TStepOutcome[]> = {
  register: ["registered"],
  assign: ["assigned"],
  work: ["checked", "check_failed", "draft_licence", "draft_refusal"],
  sign: ["signed"],
  hand_over: ["handed_over"],
};

export const ZStep = z
  .object({
    key: ZStepKey,
    role: ZStaffRole,
    action: ZStepAction,
    term: ZTerm,
    /** What the step produces, as the regulation words it (the basis for the next step). */
    result: ZLocalized,
    outcomes: z.array(ZStepOutcome).min(1),
    /** Checks recorded in this step with `record_check`; only for work steps. */
    checks: z.array(ZCheck).default([]),
    /** Empty only where no seed states the rule (then `choices` explains it). */
    sourceLines: ZSourceLines,
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [i, o] of s.outcomes.entries()) {
      if (!OUTCOMES_BY_ACTION[s.action].includes(o)) {
        ctx.addIssue({ code: "custom", path: ["outcomes", i], message: `outcome "${o}" is not allowed for a ${s.action} step` });
      }
    }
    if (s.action !== "work" && s.checks.length > 0) {
      ctx.addIssue({ code: "custom", path: ["checks"], message: "only work steps record checks" });
    }
    if (s.action === "work") {
      const drafts = s.outcomes.some((o) => o === "draft_licence" || o === "draft_refusal");
      if (!drafts && s.checks.length === 0) {
        ctx.addIssue({ code: "custom", path: ["checks"], message: "a work step that drafts nothing must record at least one check" });
      }
      if (s.outcomes.includes("checked") && s.checks.length === 0) {
        ctx.addIssue({ code: "custom", path: ["outcomes"], message: '"checked" needs at least one check' });
      }
      if (!drafts && !s.outcomes.includes("checked")) {
        ctx.addIssue({ code: "custom", path: ["outcomes"], message: 'a work step must draft or end "checked"' });
      }
    }
  });
export type TStep = z.output<typeof ZStep>;

export const ZSuspensionRule = z
  .object({ allowed: z.boolean(), reasons: z.array(ZSuspensionReason) })
  .strict()
  .refine((s) => s.allowed === s.reasons.length > 0, { message: "allowed suspension needs reasons, and reasons need allowed", path: ["reasons"] });

export const ZVariantProcedure = z
  .object({
    /** The standard's legal term for the whole service, from submission (tacit approval runs from it). */
    overallTerm: ZTerm,
    overallTermSourceLines: ZSourceLines,
    /** Term for the completeness check and the written refusal of an incomplete package (from submission). */
    completenessTerm: ZTerm.nullable(),
    /** Ground a refusal may cite after a failed completeness check; null if the standard's list already has one. */
    completenessRefusalGround: z.string().min(1).nullable(),
    completenessSourceLines: ZSourceLines,
    steps: z.array(ZStep).min(4),
    suspension: ZSuspensionRule,
    extension: z.object({ maxTerm: ZTerm }).strict().nullable(),
    /**
     * The printed step norms, run in full, exceed the legal term: no step deadline is set later than
     * the overall due instant (a `choices` entry explains it). See `chainOverrun`.
     */
    capStepTermsToOverallTerm: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => checkStepOrder(v.steps, ctx));

function checkStepOrder(steps: readonly z.output<typeof ZStep>[], ctx: z.RefinementCtx): void {
  const issue = (i: number | null, message: string) =>
    ctx.addIssue({ code: "custom", path: i === null ? ["steps"] : ["steps", i], message });
  const keys = new Set<string>();
  steps.forEach((s, i) => {
    if (keys.has(s.key)) issue(i, `duplicate step key "${s.key}"`);
    keys.add(s.key);
  });
  const first = steps[0];
  if (first && (first.action !== "register" || first.role !== "OFFICE_CLERK")) issue(0, "the first step must be the office registering the application");
  const last = steps[steps.length - 1];
  if (last && last.action !== "hand_over") issue(steps.length - 1, "the last step must hand the result over");
  const signAt = steps.findIndex((s) => s.action === "sign");
  if (signAt < 0) issue(null, "a sign step is required");
  if (steps.filter((s) => s.action === "sign").length > 1) issue(null, "only one sign step is allowed");
  if (signAt >= 0 && signAt !== steps.length - 2) issue(signAt, "the sign step must come right before the hand-over");
  steps.forEach((s, i) => {
    if (s.action === "register" && i !== 0) issue(i, "only the first step registers");
    if (s.action === "hand_over" && i !== steps.length - 1) issue(i, "only the last step hands over");
    if (s.action === "assign") {
      const next = steps[i + 1];
      if (!next || next.action === "sign" || next.action === "hand_over") issue(i, "an assignment must name the person of a following work or assign step");
      else if (next.role === s.role) issue(i, "an assignment must name a person of another role");
    }
  });
  // A licence is drafted right before signing, so drafting never skips a check.
  steps.forEach((s, i) => {
    if (s.outcomes.includes("draft_licence") && i !== signAt - 1) issue(i, "only the step right before signing drafts the licence");
  });
  if (signAt > 0 && !steps[signAt - 1]!.outcomes.includes("draft_licence")) issue(signAt - 1, "the step before signing must draft the licence");
  // A step that fails a check without drafting must leave a later step that can draft the refusal.
  steps.forEach((s, i) => {
    if (s.action !== "work" || s.outcomes.includes("draft_refusal")) return;
    if (!s.outcomes.includes("check_failed")) issue(i, 'a work step that cannot draft a refusal must list "check_failed"');
    if (!steps.slice(i + 1, signAt).some((n) => n.outcomes.includes("draft_refusal"))) issue(i, "no later step can draft the refusal");
  });
}

export const ZChoice = z
  .object({
    topic: z.string().min(1),
    choice: z.string().min(1),
    alternatives: z.array(z.string().min(1)).min(1),
    sourceLines: ZSourceLines,
  })
  .strict();
export type TChoice = z.output<typeof ZChoice>;

const ZAct = z
  .object({ type: z.string().min(1), body: z.string().min(1), number: z.string().min(1), date: ZIsoDate, sourceLines: ZSourceLines })
  .strict();

export const ZRegulationVersion = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id expected"),
    version: z.number().int().positive(),
    kind: z.enum(["regional", "default"]),
    title: ZLocalized,
    scope: z
      .object({
        organisationCode: z.string().min(1).optional(),
        region: z.string().min(1).optional(),
        serviceCode: z.string().min(1),
        variants: z.array(ZVariant).min(1),
      })
      .strict(),
    provider: z.object({ name: ZLocalized, sourceLines: ZSourceLines }).strict().nullable(),
    /** Null only for a portal default without any act (the grain default). */
    approvingAct: ZAct.nullable(),
    /** State registration with the Justice Department (regional acts); null for a government decree. */
    registration: z.object({ body: z.string().min(1), number: z.string().min(1), date: ZIsoDate, sourceLines: ZSourceLines }).strict().nullable(),
    amendments: z.array(z.object({ act: z.string().min(1), number: z.string().min(1), date: ZIsoDate, change: z.string().min(1), sourceLines: ZSourceLines }).strict()).default([]),
    /** Historical repeal, recorded but not applied as `effectiveTo` (see README, "Validity"). */
    repeal: ZAct.extend({ note: z.string().optional() }).strict().nullable(),
    basedOnStandard: z.object({ act: z.string().min(1), inSeeds: z.boolean(), note: z.string().optional() }).strict(),
    /** First and last local day (Asia/Almaty) the version is in force, both inclusive; null = open. */
    effectiveFrom: ZIsoDate,
    effectiveTo: ZIsoDate.nullable(),
    sourceSeed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, "seed file name expected"),
    payment: z.object({ required: z.boolean(), sourceLines: ZSourceLines }).strict(),
    /** Codes of the standard's refusal grounds (same codes as the catalogue). */
    refusalGrounds: z.array(z.string().min(1)).min(1),
    refusalGroundsSourceLines: ZSourceLines,
    /** Tacit approval: the licence is deemed issued when the overall term passes, to be handed over within `handOverTerm`. */
    tacitApproval: z.object({ handOverTerm: ZTerm, sourceLines: ZSourceLines }).strict().nullable(),
    /** The reasoned refusal reaches the applicant within this term of its signing: the deadline of the hand-over of a refusal. */
    refusalDelivery: z.object({ term: ZTerm, sourceLines: ZSourceLines }).strict().nullable().default(null),
    /** A portal request is registered by the information system itself; the office's register step stays for walk-ins. */
    portalAutoRegistration: z.object({ sourceLines: ZSourceLines }).strict().nullable().default(null),
    variants: z.partialRecord(ZVariant, ZVariantProcedure),
    choices: z.array(ZChoice),
  })
  .strict()
  .superRefine((r, ctx) => {
    const declared = new Set(r.scope.variants);
    if (declared.size !== r.scope.variants.length) ctx.addIssue({ code: "custom", path: ["scope", "variants"], message: "duplicate variant" });
    for (const v of declared) {
      if (!r.variants[v]) ctx.addIssue({ code: "custom", path: ["variants", v], message: `variant "${v}" is in scope but has no procedure` });
    }
    for (const v of Object.keys(r.variants)) {
      if (!declared.has(v as never)) ctx.addIssue({ code: "custom", path: ["variants", v], message: `variant "${v}" is not in scope.variants` });
    }
    if (r.kind === "regional" && r.approvingAct === null) {
      ctx.addIssue({ code: "custom", path: ["approvingAct"], message: "a regional regulation needs its approving act" });
    }
    if (r.kind === "regional" && !r.scope.organisationCode && !r.scope.region) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "a regional regulation binds a region or an organisation" });
    }
    if (r.kind === "default" && (r.scope.organisationCode || r.scope.region)) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "a default regulation binds no region or organisation" });
    }
    if (r.effectiveTo !== null && r.effectiveTo < r.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "effectiveTo is before effectiveFrom" });
    }
    for (const [v, proc] of Object.entries(r.variants)) {
      if (proc?.completenessRefusalGround && r.refusalGrounds.includes(proc.completenessRefusalGround)) {
        ctx.addIssue({ code: "custom", path: ["variants", v, "completenessRefusalGround"], message: "already in refusalGrounds; use null" });
      }
    }
  });

export type TRegulationVersion = z.output<typeof ZRegulationVersion>;
export type TVariantProcedure = z.output<typeof ZVariantProcedure>;

/** A data file: one regulation (one id), one or more versions. */
export const ZRegulationFile = z
  .object({ $comment: z.string().optional(), versions: z.array(ZRegulationVersion).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const id = f.versions[0]?.id;
    const seen = new Set<number>();
    f.versions.forEach((v, i) => {
      if (v.id !== id) ctx.addIssue({ code: "custom", path: ["versions", i, "id"], message: `all versions of a file share the id "${id}"` });
      if (seen.has(v.version)) ctx.addIssue({ code: "custom", path: ["versions", i, "version"], message: `duplicate version ${v.version}` });
      seen.add(v.version);
    });
  });
export type TRegulationFile = z.output<typeof ZRegulationFile>;
