import { z } from "zod";
import {
  ZCheck,
  ZStaffRole,
  ZSuspensionReason,
  type TApplicationStatus,
  type TRole,
  type TStaffRole,
  type TTerm,
} from "@/lib/law/regulations";

/** Instants inside JSON columns are ISO strings (Date does not survive JSON). */
export const ZInstant = z.iso.datetime({ offset: true });

/** Decision column: `{ kind, grounds, reason?, draftedById, signedById? }` plus sub-types and times. */
export const ZDecision = z
  .object({
    kind: z.enum(["licence", "refusal"]),
    grounds: z.array(z.string().min(1)),
    reason: z.string().min(1).optional(),
    /** Activity sub-types of a licence (catalogue codes). */
    subtypes: z.array(z.string().min(1)).optional(),
    draftedById: z.string().min(1),
    draftedAt: ZInstant,
    /** The step that drafted it (where `return_for_revision` sends it back); absent on older rows. */
    stepKey: z.string().min(1).optional(),
    signedById: z.string().min(1).optional(),
    signedAt: ZInstant.optional(),
  })
  .strict();
export type TDecision = z.output<typeof ZDecision>;

export const ZCheckItem = z.object({ key: z.string().min(1), passed: z.boolean(), note: z.string().optional() }).strict();

export const ZCheckResult = z
  .object({
    passed: z.boolean(),
    items: z.array(ZCheckItem).default([]),
    note: z.string().optional(),
    at: ZInstant,
    byUserId: z.string().min(1),
    stepKey: z.string().min(1),
  })
  .strict();

const ZSuspensionKind = z.enum(["suspension", "correction"]);

/** Everything the engine carries that has no column of its own (Application.workflowData). */
export const ZWorkflowData = z
  .object({
    /** Sequence number of the current (last started) step: ApplicationStep.seq. */
    stepSeq: z.number().int().nonnegative().default(0),
    paymentConfirmedAt: ZInstant.optional(),
    paymentRef: z.string().optional(),
    signatureVerifiedAt: ZInstant.optional(),
    signatureRef: z.string().optional(),
    /** End of the completeness term (submission + completenessTerm), where the regulation has one. */
    completenessDueAt: ZInstant.optional(),
    /** Person named by resolution for each role (the 003 chain: deputy head, department head, executor). */
    assignees: z.partialRecord(ZStaffRole, z.string().min(1)).default({}),
    assignments: z
      .array(
        z
          .object({ stepKey: z.string(), byUserId: z.string(), byRole: ZStaffRole, toUserId: z.string(), toRole: ZStaffRole, at: ZInstant })
          .strict(),
      )
      .default([]),
    reviewStartedAt: ZInstant.optional(),
    reviewStartedById: z.string().optional(),
    checks: z.partialRecord(ZCheck, ZCheckResult).default({}),
    /** Set when a check failed: the executor must draft a refusal (by `dueAt` for an incomplete package). */
    refusalRequired: z
      .object({ check: ZCheck, ground: z.string().nullable(), since: ZInstant, dueAt: ZInstant.nullable() })
      .strict()
      .optional(),
    suspension: z
      .object({
        kind: ZSuspensionKind,
        reasonCode: ZSuspensionReason,
        reason: z.string().min(1),
        items: z.array(z.string()).default([]),
        at: ZInstant,
        byUserId: z.string(),
      })
      .strict()
      .optional(),
    suspensions: z
      .array(
        z
          .object({ kind: ZSuspensionKind, reasonCode: ZSuspensionReason, reason: z.string(), at: ZInstant, resumedAt: ZInstant, byUserId: z.string(), resumedById: z.string() })
          .strict(),
      )
      .default([]),
    handOver: z
      .object({ mode: z.enum(["electronic", "paper"]), recipientName: z.string().optional(), at: ZInstant, byUserId: z.string() })
      .strict()
      .optional(),
    tacitApproval: z
      .object({ deemedIssuedAt: ZInstant, handOverDueAt: ZInstant, deemedReceivedAt: ZInstant.optional() })
      .strict()
      .optional(),
    withdrawal: z.object({ at: ZInstant, reason: z.string().optional() }).strict().optional(),
    /** Drafts the head returned for revision, oldest first, each with the comment and the draft as it was. */
    returns: z
      .array(
        z
          .object({
            at: ZInstant,
            byUserId: z.string(),
            comment: z.string().min(1),
            fromStepKey: z.string(),
            toStepKey: z.string(),
            decision: ZDecision,
          })
          .strict(),
      )
      .default([]),
  });
// Not strict at the top level: keys written by an older engine version are dropped, not fatal.
export type TWorkflowData = z.output<typeof ZWorkflowData>;

/** Reads the JSON column (`{}` for a new application). */
export function parseWorkflowData(json: unknown): TWorkflowData {
  return ZWorkflowData.parse(json ?? {});
}

/**
 * The engine's view of an Application row, one field per column. Read-only inputs the engine needs
 * for authorisation: organisationId, subjectId, channel.
 */
export type WorkflowState = {
  status: TApplicationStatus;
  organisationId: string;
  subjectId: string;
  channel: "PORTAL" | "PROVIDER" | "PSC" | "POST";
  /** Channel PSC: the centre that accepted the package (its operator submits it [004 L645-648]). */
  pscId?: string | null;
  stepKey: string | null;
  stepRole: TStaffRole | null;
  assigneeId: string | null;
  stepStartedAt: Date | null;
  stepDueAt: Date | null;
  submittedAt: Date | null;
  registeredAt: Date | null;
  /** Overall due instant of the standard's term. */
  dueAt: Date | null;
  closedAt: Date | null;
  deemedIssuedAt: Date | null;
  /** Compare-and-swap counter: the caller updates `where version = state.version` and writes next.version. */
  version: number;
  decision: TDecision | null;
  workflowData: TWorkflowData;
};

/** Structurally compatible with `Actor` of lib/platform/auth (the engine may not import it). */
export type WorkflowActor =
  | {
      kind: "user";
      userId: string;
      role: TRole;
      organisationId: string | null;
      subjectId?: string | null;
      canSign?: boolean;
    }
  | { kind: "system"; job: string };

export type WorkflowDeps = {
  /** Due instant of a term started at `startedAt`, on the organisation's working-time calendar. */
  computeDue(term: TTerm, startedAt: Date): Date;
};

export function initialState(o: { organisationId: string; subjectId: string; channel?: "PORTAL" | "PROVIDER" | "PSC" | "POST" }): WorkflowState {
  return {
    status: "DRAFT",
    organisationId: o.organisationId,
    subjectId: o.subjectId,
    channel: o.channel ?? "PORTAL",
    stepKey: null,
    stepRole: null,
    assigneeId: null,
    stepStartedAt: null,
    stepDueAt: null,
    submittedAt: null,
    registeredAt: null,
    dueAt: null,
    closedAt: null,
    deemedIssuedAt: null,
    version: 0,
    decision: null,
    workflowData: parseWorkflowData({}),
  };
}
