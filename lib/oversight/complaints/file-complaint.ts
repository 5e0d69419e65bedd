import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, STAFF_ROLES, type Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { notifyMany, resolveRecipients } from "@/lib/integration/notifications";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { complaintRoute } from "@/lib/law/catalogue";
import { complaintDueAt } from "./complaint-term";
import { ZFileComplaintInput, type TFileComplaintInput } from "./schemas";
import { nextTicketNumber } from "./ticket-number";

export type TFileComplaint = { actor: Actor; input: TFileComplaintInput; now: Date; meta?: RequestMeta };
export type TFiledComplaint = { id: string; ticketNumber: string; acceptedAt: Date; dueAt: Date };

/**
 * Who "accepts" a complaint filed on the portal: it is registered automatically on receipt, in the
 * name of the head of the organisation it is addressed to (the official who answers for the
 * journal), so the ticket shows the head's surname and initials. The active head with the right to
 * sign comes first; with no head on the portal the ticket says "registered by the portal".
 */
async function acceptingHead(db: Db, organisationId: string): Promise<string | null> {
  const head = await db.user.findFirst({
    where: { organisationId, role: "HEAD", active: true },
    orderBy: [{ canSign: "desc" }, { login: "asc" }],
    select: { id: true },
  });
  return head?.id ?? null;
}

/**
 * An applicant files a complaint about an application or an officer; it is registered at once
 * with a ticket (number, date and time, who accepted it). Who handles it and the answer term come
 * from lib/law/catalogue/data/complaints.json by the application's standard and the complaint's
 * kind (a Committee decision goes to the Ministry [004 L368-372]; the term defaults to 15
 * calendar days of the Law of 12 January 2007 [004 L391-393]).
 */
export async function fileComplaint(db: Db, { actor, input, now, meta }: TFileComplaint): Promise<TFiledComplaint> {
  assertCan(actor, "complaint.file");
  if (!actor.subjectId) throw new DomainError("errors.not_found");
  const data = ZFileComplaintInput.parse(input);
  let organisationId = data.organisationId ?? null;
  let serviceCode: string | null = null;
  if (data.applicationId) {
    const app = await db.application.findFirst({ where: { id: data.applicationId, subjectId: actor.subjectId }, select: { organisationId: true, serviceCode: true, replyByPost: true } });
    if (!app) throw new DomainError("errors.not_found");
    if (organisationId && organisationId !== app.organisationId) {
      throw new DomainError("complaints.organisation_mismatch", { fieldErrors: { organisationId: "complaints.organisation_mismatch" } });
    }
    organisationId = app.organisationId;
    serviceCode = app.serviceCode;
    // A postal application's answers go by post unless the applicant picks another channel [004 L395-396].
    if (app.replyByPost && !data.answerChannel) data.answerChannel = "post";
  }
  if (!organisationId) throw new DomainError("complaints.organisation_required", { fieldErrors: { organisationId: "complaints.organisation_required" } });
  const org = await db.organisation.findFirst({ where: { id: organisationId, active: true }, select: { id: true } });
  if (!org) throw new DomainError("complaints.organisation_required", { fieldErrors: { organisationId: "complaints.organisation_required" } });
  if (data.officerId) {
    const officer = await db.user.findFirst({ where: { id: data.officerId, organisationId, role: { in: [...STAFF_ROLES] } }, select: { id: true } });
    if (!officer) throw new DomainError("complaints.officer_not_found", { fieldErrors: { officerId: "complaints.officer_not_found" } });
  }
  const route = complaintRoute({ serviceCode, kind: data.kind });
  // A complaint for the authorised body (the Ministry) is not accepted in the provider head's name.
  const [calendar, acceptedById] = await Promise.all([loadOrganisationCalendar(db, organisationId), route.handler === "authorised_body" ? null : acceptingHead(db, organisationId)]);
  const dueAt = complaintDueAt(calendar, now, route.term);
  return registerComplaint(db, {
    actor,
    subjectId: actor.subjectId,
    organisationId,
    applicationId: data.applicationId ?? null,
    officerId: data.officerId ?? null,
    data,
    handler: route.handler,
    term: route.term,
    acceptedById,
    dueAt,
    now,
    meta,
  });
}

export type TRegisterComplaint = {
  actor: Actor;
  subjectId: string;
  organisationId: string;
  applicationId: string | null;
  officerId: string | null;
  data: Pick<TFileComplaintInput, "kind" | "addressee" | "fullName" | "postalAddress" | "official" | "body" | "demands" | "answerChannel">;
  handler: string;
  term: { value: number; unit: string };
  acceptedById: string | null;
  dueAt: Date;
  now: Date;
  meta?: RequestMeta;
  /** Extra audit data (e.g. the PSC that accepted a paper complaint). */
  auditData?: Record<string, unknown>;
};

/** The complaint row with its ticket, the audit row and the applicant's notice, in one transaction (portal and PSC). */
export async function registerComplaint(db: Db, input: TRegisterComplaint): Promise<TFiledComplaint> {
  const { actor, data, now, meta, dueAt } = input;
  const orgId = input.organisationId;
  return db.$transaction(async (tx) => {
    const ticketNumber = await nextTicketNumber(tx, now);
    const c = await tx.complaint.create({
      data: {
        ticketNumber,
        subjectId: input.subjectId,
        organisationId: orgId,
        applicationId: input.applicationId,
        officerId: input.officerId,
        kind: data.kind,
        addressee: data.addressee,
        fullName: data.fullName,
        postalAddress: data.postalAddress,
        officialName: data.official?.replace(/[\r\n]+/g, " ").trim() || null,
        body: data.body,
        demands: data.demands,
        status: "REGISTERED",
        acceptedById: input.acceptedById,
        acceptedAt: now,
        dueAt,
        handlerKind: input.handler,
        answerChannel: data.answerChannel ?? "portal",
        termValue: input.term.value,
        termUnit: input.term.unit,
        createdAt: now,
      },
      select: { id: true, ticketNumber: true, acceptedAt: true, dueAt: true },
    });
    await recordAudit(tx, {
      type: "complaint.filed",
      actor,
      at: now,
      entityType: "Complaint",
      entityId: c.id,
      applicationId: input.applicationId,
      organisationId: orgId,
      data: {
        ticketNumber,
        kind: data.kind,
        dueAt: dueAt.toISOString(),
        handler: input.handler,
        term: { value: input.term.value, unit: input.term.unit },
        answerChannel: data.answerChannel ?? "portal",
        ...input.auditData,
      },
      meta,
    });
    const userIds = await resolveRecipients(tx, { kind: "subject", subjectId: input.subjectId });
    await notifyMany(tx, { userIds, kind: "complaint_registered", params: { complaintId: c.id, ticketNumber, answerBy: dueAt }, now });
    return c;
  });
}
