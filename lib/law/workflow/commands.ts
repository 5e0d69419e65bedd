import { z } from "zod";
import { ZApplicationStatus, ZCheck, ZStaffRole, ZSuspensionReason } from "@/lib/law/regulations";
import { ZCheckItem } from "./types";

/** What the caller saw; if it differs from the current row the command is `workflow.stale_state`. */
const ZExpected = z
  .object({ version: z.number().int().nonnegative().optional(), status: ZApplicationStatus.optional(), stepKey: z.string().nullable().optional() })
  .strict();

const base = { expected: ZExpected.optional() };
const text = z.string().trim();

/** What the head asks the executor to revise: 3–2000 characters of text (no NUL). */
export const REVISION_COMMENT_MIN = 3;
export const REVISION_COMMENT_MAX = 2000;
export const ZRevisionComment = text
  .min(REVISION_COMMENT_MIN)
  .max(REVISION_COMMENT_MAX)
  .refine((s) => !s.includes("\u0000"), { message: "NUL character" });

export const ZWorkflowCommand = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("payment_confirmed"), paymentRef: z.string().optional() }).strict(),
  z.object({ ...base, type: z.literal("signature_verified"), signatureRef: z.string().optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal("submit"),
      /**
       * When the term starts, if not at submission: the day after acceptance at a PSC [004 L607], the
       * day a letter reached the office [004 L2616-2619] (`termStartFor` in lib/law/deadlines).
       */
      termStartsAt: z.coerce.date().optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("withdraw"), reason: z.string().optional() }).strict(),
  z.object({ ...base, type: z.literal("register"), registrationNumber: z.string().optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal("assign"),
      assigneeId: z.string().min(1),
      assigneeRole: ZStaffRole,
      /** Organisation of the chosen officer, loaded by the caller. */
      assigneeOrganisationId: z.string().min(1),
    })
    .strict(),
  z.object({ ...base, type: z.literal("start_review") }).strict(),
  z
    .object({ ...base, type: z.literal("record_check"), check: ZCheck, passed: z.boolean(), items: z.array(ZCheckItem).default([]), note: z.string().optional() })
    .strict(),
  z.object({ ...base, type: z.literal("request_correction"), reason: text, items: z.array(z.string().min(1)).default([]) }).strict(),
  z.object({ ...base, type: z.literal("suspend"), reasonCode: ZSuspensionReason, reason: text }).strict(),
  z.object({ ...base, type: z.literal("resume") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("draft_decision"),
      decision: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("licence"), subtypes: z.array(z.string().min(1)) }).strict(),
        z.object({ kind: z.literal("refusal"), grounds: z.array(z.string().min(1)), reason: text }).strict(),
      ]),
    })
    .strict(),
  z.object({ ...base, type: z.literal("sign_decision"), signatureRef: z.string().optional() }).strict(),
  /** The head sends the unsigned draft back to the step that drafted it, saying what to revise. */
  z.object({ ...base, type: z.literal("return_for_revision"), comment: ZRevisionComment }).strict(),
  z.object({ ...base, type: z.literal("hand_over"), mode: z.enum(["electronic", "paper"]), recipientName: text.optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal("deadline_passed"),
      /** overall = the standard's term; step = the current step's norm; hand_over = 5 wd after tacit approval. */
      deadline: z.enum(["overall", "step", "hand_over"]),
      stepKey: z.string().optional(),
      seq: z.number().int().positive().optional(),
    })
    .strict(),
]);

export type TWorkflowCommand = z.output<typeof ZWorkflowCommand>;
export type TWorkflowCommandInput = z.input<typeof ZWorkflowCommand>;
export type TCommandType = TWorkflowCommand["type"];
export type TCommandOf<T extends TCommandType> = Extract<TWorkflowCommand, { type: T }>;

export const COMMAND_TYPES = [
  "payment_confirmed",
  "signature_verified",
  "submit",
  "withdraw",
  "register",
  "assign",
  "start_review",
  "record_check",
  "request_correction",
  "suspend",
  "resume",
  "draft_decision",
  "sign_decision",
  "return_for_revision",
  "hand_over",
  "deadline_passed",
] as const satisfies readonly TCommandType[];
