import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { ZRateComplaintInput, type TRateComplaintInput } from "./schemas";

/**
 * The final question of the appeal procedure (indicator 4.1): the applicant rates the handling of
 * their answered or rejected complaint once, 1 not satisfied … 3 satisfied.
 */
export async function rateComplaint(db: Db, input: TRateComplaintInput & { actor: Actor; now: Date; meta?: RequestMeta }): Promise<void> {
  const data = ZRateComplaintInput.parse(input);
  const { actor, now, meta } = input;
  if (actor.kind !== "user" || actor.role !== "APPLICANT" || !actor.subjectId) throw new DomainError("errors.not_found");
  const c = await db.complaint.findFirst({
    where: { id: data.complaintId, subjectId: actor.subjectId },
    select: { id: true, status: true, satisfied: true, organisationId: true, applicationId: true, ticketNumber: true },
  });
  if (!c) throw new DomainError("errors.not_found");
  if (c.status !== "ANSWERED" && c.status !== "REJECTED") throw new DomainError("complaints.not_answered");
  if (c.satisfied !== null) throw new DomainError("complaints.already_rated");
  await db.$transaction(async (tx) => {
    const u = await tx.complaint.updateMany({ where: { id: c.id, satisfied: null }, data: { satisfied: data.satisfied } });
    if (u.count !== 1) throw new DomainError("complaints.already_rated");
    // The rating itself stays out of the audit trail, as the survey answers do.
    await recordAudit(tx, { type: "complaint.rated", actor, at: now, entityType: "Complaint", entityId: c.id, applicationId: c.applicationId, organisationId: c.organisationId, data: { ticketNumber: c.ticketNumber }, meta });
  });
}
