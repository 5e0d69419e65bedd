import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { notifyMany, resolveRecipients } from "@/lib/integration/notifications";
import { assertHandler, complaintScope } from "./complaint-scope";
import { ZAnswerComplaintInput, ZComplaintIdInput, type TAnswerComplaintInput, type TComplaintKind } from "./schemas";
import { complaintRoute } from "@/lib/law/catalogue";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { complaintExtendedDueAt } from "./complaint-term";

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

/**
 * The head extends the answer term once, with notice to the applicant: the Law of 12 January 2007
 * (art. 8) allows up to 30 calendar days [004 L391-393]; the extension comes from
 * lib/law/catalogue/data/complaints.json. Only an open complaint, only once.
 */
export async function extendComplaintTerm(db: Db, input: { complaintId: string } & Ctx): Promise<{ dueAt: Date }> {
  const { complaintId } = ZComplaintIdInput.parse(input);
  const { actor, now, meta } = input;
  const c = await loadForHandler(db, actor, complaintId);
  const full = await db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { acceptedAt: true, extendedAt: true, dueAt: true, application: { select: { serviceCode: true } }, kind: true } });
  if (c.status !== "REGISTERED" && c.status !== "IN_REVIEW") throw new DomainError("complaints.invalid_transition", { status: c.status });
  if (full.extendedAt) throw new DomainError("complaints.already_extended");
  const route = complaintRoute({ serviceCode: full.application?.serviceCode ?? null, kind: full.kind as TComplaintKind });
  const calendar = await loadOrganisationCalendar(db, c.organisationId);
  const dueAt = complaintExtendedDueAt(calendar, full.acceptedAt, route.term);
  if (!dueAt || dueAt <= full.dueAt) throw new DomainError("complaints.extension_not_allowed");
  await db.$transaction(async (tx) => {
    const u = await tx.complaint.updateMany({ where: { id: c.id, extendedAt: null, status: { in: ["REGISTERED", "IN_REVIEW"] } }, data: { dueAt, extendedAt: now } });
    if (u.count !== 1) throw new DomainError("complaints.invalid_transition");
    await recordAudit(tx, { type: "complaint.term_extended", actor, at: now, entityType: "Complaint", entityId: c.id, applicationId: c.applicationId, organisationId: c.organisationId, data: { ticketNumber: c.ticketNumber, from: full.dueAt.toISOString(), to: dueAt.toISOString() }, meta });
    const userIds = await resolveRecipients(tx, { kind: "subject", subjectId: c.subjectId });
    await notifyMany(tx, { userIds, kind: "complaint_term_extended", params: { complaintId: c.id, ticketNumber: c.ticketNumber, answerBy: dueAt }, now });
  });
  return { dueAt };
}
