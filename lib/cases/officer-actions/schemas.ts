import { z } from "zod";
import { ZApplicationStatus, ZCheck } from "@/lib/law/regulations";
import { REVISION_COMMENT_MAX, REVISION_COMMENT_MIN } from "@/lib/law/workflow";

/**
 * What the page was rendered with. Every officer action sends it, so that a page that went stale
 * (another officer acted, a deadline job ran) gets `workflow.stale_state` and nothing is overwritten.
 */
export const ZExpectedState = z
  .object({
    version: z.coerce.number().int().nonnegative(),
    status: ZApplicationStatus,
    stepKey: z.string().min(1).nullable(),
  })
  .strict();
export type TExpectedState = z.infer<typeof ZExpectedState>;

const base = { applicationId: z.string().uuid(), expected: ZExpectedState };
const note = z.string().trim().max(2000);

export const ZRegisterInput = z.object({ ...base }).strict();

/** The head (003: also deputy and department head) names the officer of the next step. */
export const ZAssignInput = z.object({ ...base, assigneeId: z.string().uuid({ message: "officer.errors.choose_officer" }) }).strict();

export const ZStartReviewInput = z.object({ ...base }).strict();

export const ZCheckItemInput = z
  .object({ key: z.string().trim().min(1).max(100), passed: z.boolean(), note: note.optional() })
  .strict();
export type TCheckItemInput = z.infer<typeof ZCheckItemInput>;

/**
 * A check result: completeness (passed, or incomplete with the missing / faulty documents as
 * items), the qualification requirements or the 003 inspection as a checklist with a comment per
 * item. The use case checks the item keys against the catalogue.
 */
export const ZRecordCheckInput = z
  .object({ ...base, check: ZCheck, passed: z.boolean(), items: z.array(ZCheckItemInput).max(100).default([]), note: note.optional() })
  .strict();
export type TRecordCheckInput = z.infer<typeof ZRecordCheckInput>;

export const ZDraftDecisionInput = z
  .object({
    ...base,
    decision: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("licence"), subtypes: z.array(z.string().trim().min(1).max(100)).min(1, { message: "workflow.subtypes_required" }).max(50) }).strict(),
      z
        .object({
          kind: z.literal("refusal"),
          grounds: z.array(z.string().trim().min(1).max(100)).min(1, { message: "workflow.grounds_required" }).max(50),
          reason: z.string().trim().min(1, { message: "workflow.reason_required" }).max(5000),
        })
        .strict(),
    ]),
  })
  .strict();
export type TDraftDecisionInput = z.infer<typeof ZDraftDecisionInput>;

const ZCmsBase64 = z
  .string({ error: "eds.errors.malformed_input" })
  .min(100, { message: "eds.errors.malformed_input" })
  .max(1_400_000, { message: "pki.input_too_large" })
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "eds.errors.malformed_input" });

/**
 * `cmsBase64`: the head's detached CMS (base64 DER) over `decisionSigningContent`, made in the browser.
 * `document` (a licence decision): the CMS over the byte ranges of the licence PDF prepared by
 * `prepareDecisionDocument` (lib/cases/licence-signing), made with the same key in the same step.
 */
export const ZSignDecisionInput = z
  .object({
    ...base,
    cmsBase64: ZCmsBase64,
    document: z.object({ preparationId: z.string().uuid(), cmsBase64: ZCmsBase64 }).strict().optional(),
  })
  .strict();
export type TSignDecisionInput = z.infer<typeof ZSignDecisionInput>;

/**
 * The head returns the draft to the executor: the comment says what to revise (3–2000 characters,
 * no NUL); the engine checks the step, the role and that there is an unsigned draft.
 */
export const ZReturnForRevisionInput = z
  .object({
    ...base,
    comment: z
      .string({ error: "officer.errors.comment_required" })
      .trim()
      .min(1, { message: "officer.errors.comment_required" })
      .min(REVISION_COMMENT_MIN, { message: "officer.errors.comment_too_short" })
      .max(REVISION_COMMENT_MAX, { message: "officer.errors.comment_too_long" })
      .refine((c) => !c.includes("\u0000"), { message: "officer.errors.comment_invalid" }),
  })
  .strict();
export type TReturnForRevisionInput = z.infer<typeof ZReturnForRevisionInput>;

export const ZHandOverInput = z
  .object({
    ...base,
    mode: z.enum(["electronic", "paper"]),
    recipientName: z.string().trim().max(300).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === "paper" && !v.recipientName) ctx.addIssue({ code: "custom", path: ["recipientName"], message: "workflow.recipient_required" });
  });
export type THandOverInput = z.infer<typeof ZHandOverInput>;
