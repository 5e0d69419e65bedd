import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { notifyMany, resolveRecipients } from "@/lib/integration/notifications";
import { assertHandler, complaintScope } from "./complaint-scope";
import { ZAnswerComplaintInput, ZComplaintIdInput, type TAnswerComplaintInput } from "./schemas";

type Ctx = { actor: Actor; now: Date; meta?: RequestMeta };

async function loadForHandler(db: Db, actor: Actor, complaintId: string) {
  assertHandler(actor);
  const c = await db.complaint.findFirst({
    where: { AND: [{ id: complaintId }, await complaintScope(db, actor)] },
    select: { id: true, status: true, organisationId: true, applicationId: true, subjectId: true, ticketNumber: true },
  });
  if (!c) throw new DomainError("errors.not_found");
  return c;
}

/** REGISTERED → IN_REVIEW: a supervisor in scope or the head of the organisation takes the complaint. */
export async function takeComplaintInReview(db: Db, input: { complaintId: string } & Ctx): Promise<void> {
  const { complaintId } = ZComplaintIdInput.parse(input);
  const { actor, now, meta } = input;
  const c = await loadForHandler(db, actor, complaintId);
  if (c.status !== "REGISTERED") throw new DomainError("complaints.invalid_transition", { status: c.status });
  await db.$transaction(async (tx) => {
    // Compare-and-set: a concurrent take or answer wins once.
    const u = await tx.complaint.updateMany({ where: { id: c.id, status: "REGISTERED" }, data: { status: "IN_REVIEW", handlerId: actor.kind === "user" ? actor.userId : null } });
    if (u.count !== 1) throw new DomainError("complaints.invalid_transition");
    await recordAudit(tx, { type: "complaint.review_started", actor, at: now, entityType: "Complaint", entityId: c.id, applicationId: c.applicationId, organisationId: c.organisationId, data: { ticketNumber: c.ticketNumber }, meta });
  });
}

/**
 * IN_REVIEW → ANSWERED (the answer on the merits) or REJECTED (a reasoned refusal to consider it).
 * The applicant is notified (`complaint_answered`) and may then rate the appeal procedure.
 */
export async function answerComplaint(db: Db, input: TAnswerComplaintInput & Ctx): Promise<void> {
  const data = ZAnswerComplaintInput.parse(input);
  const { actor, now, meta } = input;
  const c = await loadForHandler(db, actor, data.complaintId);
  if (c.status !== "IN_REVIEW") throw new DomainError("complaints.invalid_transition", { status: c.status });
  await db.$transaction(async (tx) => {
    const u = await tx.complaint.updateMany({
      where: { id: c.id, status: "IN_REVIEW" },
      data: { status: data.outcome, answer: data.answer, answeredAt: now, handlerId: actor.kind === "user" ? actor.userId : null },
    });
    if (u.count !== 1) throw new DomainError("complaints.invalid_transition");
    await recordAudit(tx, {
      type: data.outcome === "ANSWERED" ? "complaint.answered" : "complaint.rejected",
      actor,
      at: now,
      entityType: "Complaint",
      entityId: c.id,
      applicationId: c.applicationId,
      organisationId: c.organisationId,
      data: { ticketNumber: c.ticketNumber },
      meta,
    });
    const userIds = await resolveRecipients(tx, { kind: "subject", subjectId: c.subjectId });
    await notifyMany(tx, { userIds, kind: "complaint_answered", params: { complaintId: c.id, ticketNumber: c.ticketNumber }, now });
  });
}
