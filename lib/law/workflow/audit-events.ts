import { z } from "zod";
import { ZApplicationStatus, ZCheck, ZStaffRole, ZSuspensionReason } from "@/lib/law/regulations";
import { ZCheckItem, ZInstant } from "./types";

const ZPoint = z.object({ status: ZApplicationStatus, stepKey: z.string().nullable() }).strict();

/** `at` is the business time of the event (the `now` of the transition), not the insert time. */
const entry = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), at: z.date(), from: ZPoint, to: ZPoint, data: z.object(data).strict() }).strict();

export const ZWorkflowAuditEntry = z.discriminatedUnion("type", [
  entry("application.payment_confirmed", { paymentRef: z.string().optional() }),
  entry("application.signature_verified", { signatureRef: z.string().optional() }),
  entry("application.submitted", {
    regulationId: z.string(),
    regulationVersion: z.number().int(),
    variant: z.string(),
    dueAt: ZInstant,
    completenessDueAt: ZInstant.nullable(),
    /** Registered by the information system on submission (West Kazakhstan [002 L178-179]). */
    autoRegistered: z.literal(true).optional(),
  }),
  entry("application.withdrawn", { reason: z.string().optional() }),
  entry("application.registered", { registrationNumber: z.string().optional() }),
  entry("application.assigned", { stepKey: z.string(), assigneeId: z.string(), assigneeRole: ZStaffRole }),
  entry("application.review_started", { stepKey: z.string() }),
  entry("application.check_recorded", {
    stepKey: z.string(),
    check: ZCheck,
    passed: z.boolean(),
    items: z.array(ZCheckItem),
    note: z.string().optional(),
    refusalDueAt: ZInstant.nullable(),
  }),
  entry("application.decision_drafted", {
    kind: z.enum(["licence", "refusal"]),
    grounds: z.array(z.string()),
    subtypes: z.array(z.string()),
    reason: z.string().optional(),
  }),
  entry("application.decision_signed", { kind: z.enum(["licence", "refusal"]), signatureRef: z.string().optional() }),
  entry("application.returned_for_revision", {
    kind: z.enum(["licence", "refusal"]),
    comment: z.string(),
    /** The drafting step the application went back to, and who works on it now. */
    toStepKey: z.string(),
    assigneeId: z.string().nullable(),
  }),
  entry("application.handed_over", {
    mode: z.enum(["electronic", "paper"]),
    recipientName: z.string().optional(),
    result: z.enum(["ISSUED", "REFUSED"]),
  }),
  entry("application.correction_requested", { reason: z.string(), items: z.array(z.string()) }),
  entry("application.suspended", { reasonCode: ZSuspensionReason, reason: z.string() }),
  entry("application.resumed", { kind: z.enum(["suspension", "correction"]), suspendedAt: ZInstant }),
  entry("application.deadline_passed", {
    deadline: z.enum(["overall", "step"]),
    stepKey: z.string().nullable(),
    dueAt: ZInstant,
    /** Why nothing changed: the decision was already signed, or the standard has no tacit approval. */
    consequence: z.enum(["notified", "decision_already_signed"]),
  }),
  entry("application.deemed_issued", { deemedIssuedAt: ZInstant, handOverDueAt: ZInstant, unsignedDraft: z.enum(["licence", "refusal"]).nullable() }),
  entry("application.deemed_received", { handOverDueAt: ZInstant }),
]);

export type TWorkflowAuditEntry = z.output<typeof ZWorkflowAuditEntry>;
export type TAuditType = TWorkflowAuditEntry["type"];
export const AUDIT_TYPES = ZWorkflowAuditEntry.options.map((o) => o.shape.type.value) as readonly TAuditType[];
