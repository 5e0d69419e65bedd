import { z } from "zod";
import { complaintRoute } from "@/lib/law/catalogue";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { DomainError } from "@/lib/platform/core";
import type { Db, DbOrTx } from "@/lib/platform/db";
import { applicationScope, assertCan, type Actor, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { renderTablePdf } from "@/lib/oversight/reports";
import { complaintDueAt } from "./complaint-term";
import { registerComplaint, type TFiledComplaint } from "./file-complaint";
import { ZFileComplaintInput } from "./schemas";
import { surnameAndInitials } from "./surname-initials";

/** A paper complaint accepted at a PSC window: about an application the centre accepted. */
export const ZPscComplaintInput = ZFileComplaintInput.omit({ organisationId: true, officerId: true }).extend({ applicationId: z.uuid() });
export type TPscComplaintInput = z.infer<typeof ZPscComplaintInput>;

/**
 * A complaint handed in on paper at a Public Service Centre [004 L827-830]: registered in the
 * centre's journal and routed to the centre's head (`pscHandler` of
 * lib/law/catalogue/data/complaints.json); the applicant's second copy gets the centre's stamp with
 * the incoming number and date [004 L848-851] (`pscComplaintReceiptPdf`). The term is the file's.
 */
export async function acceptComplaintAtPsc(db: Db, input: { actor: UserActor; input: TPscComplaintInput; now: Date; meta?: RequestMeta }): Promise<TFiledComplaint> {
  const { actor, now } = input;
  assertCan(actor, "psc.complaint_accept");
  const data = ZPscComplaintInput.parse(input.input);
  const app = await db.application.findFirst({
    where: { AND: [{ id: data.applicationId, channel: "PSC" }, applicationScope(actor)] },
    select: { id: true, subjectId: true, serviceCode: true, pscId: true, replyByPost: true },
  });
  if (!app?.pscId) throw new DomainError("psc.not_accepted_here");
  const route = complaintRoute({ serviceCode: app.serviceCode, kind: data.kind, atPsc: true });
  const calendar = await loadOrganisationCalendar(db, app.pscId);
  return registerComplaint(db, {
    actor,
    subjectId: app.subjectId,
    organisationId: app.pscId,
    applicationId: app.id,
    officerId: null,
    data: { ...data, answerChannel: data.answerChannel ?? "post" },
    handler: route.handler,
    term: route.term,
    acceptedById: actor.userId,
    dueAt: complaintDueAt(calendar, now, route.term),
    now,
    meta: input.meta,
    auditData: { acceptedAt: "psc", pscId: app.pscId },
  });
}

export type TPscReceiptLabels = {
  title: string;
  stamp: string;
  incomingNumber: string;
  date: string;
  acceptedBy: string;
  applicant: string;
  postalAddress: string;
  kind: string;
  addressee: string;
  answerBy: string;
  answerChannel: string;
  field: string;
  value: string;
  footer: string;
  kinds: Record<string, string>;
  channels: Record<string, string>;
};

/**
 * The applicant's stamped second copy as a PDF [004 L848-851]: the centre's name, the incoming
 * number (the ticket) and the date of registration, who accepted it, and the complaint's essentials.
 * Only the accepting centre (operator or head) may print it.
 */
export async function pscComplaintReceiptPdf(db: DbOrTx, input: { actor: Actor; complaintId: string; locale: Locale; labels: TPscReceiptLabels }): Promise<{ bytes: Uint8Array; fileName: string }> {
  assertCan(input.actor, "psc.results");
  const { actor, labels, locale } = input;
  if (actor.kind !== "user" || !actor.organisationId) throw new DomainError("errors.not_found");
  const c = await db.complaint.findFirst({
    where: { id: input.complaintId, organisationId: actor.organisationId, handlerKind: "psc_head" },
    include: { organisation: { select: { nameKk: true, nameRu: true, nameEn: true } }, acceptedBy: { select: { surname: true, givenName: true, patronymic: true } } },
  });
  if (!c) throw new DomainError("errors.not_found");
  const orgName = locale === "kk" ? c.organisation.nameKk : locale === "ru" ? c.organisation.nameRu : c.organisation.nameEn;
  const bytes = await renderTablePdf({
    title: labels.title,
    lines: [
      `${labels.stamp}: ${orgName}`,
      `${labels.incomingNumber}: ${c.ticketNumber}`,
      `${labels.date}: ${formatDateTime(c.acceptedAt, locale)}`,
      `${labels.acceptedBy}: ${c.acceptedBy ? surnameAndInitials(c.acceptedBy) : "—"}`,
    ],
    sections: [
      {
        heading: c.ticketNumber,
        columns: [
          { label: labels.field, width: 0.3 },
          { label: labels.value, width: 0.7 },
        ],
        rows: [
          [labels.applicant, c.fullName],
          [labels.postalAddress, c.postalAddress],
          [labels.kind, labels.kinds[c.kind] ?? c.kind],
          [labels.addressee, c.addressee],
          [labels.answerBy, formatDateTime(c.dueAt, locale)],
          [labels.answerChannel, labels.channels[c.answerChannel] ?? c.answerChannel],
        ],
      },
    ],
    footer: labels.footer,
  });
  return { bytes, fileName: `complaint-${c.ticketNumber}.pdf` };
}
