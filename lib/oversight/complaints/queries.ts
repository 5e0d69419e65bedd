import { DomainError, parseKeysetCursor } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { getComplaintRules } from "@/lib/law/catalogue";
import { complaintBadge, type TComplaintBadge } from "./complaint-term";
import { complaintScope } from "./complaint-scope";
import { surnameAndInitials } from "./surname-initials";
import { OPEN_COMPLAINT_STATUSES, ZComplaintQueueQuery, type TComplaintQueueQuery } from "./schemas";

export const COMPLAINT_QUEUE_PAGE_SIZE = 25;

const listSelect = {
  id: true,
  ticketNumber: true,
  kind: true,
  status: true,
  acceptedAt: true,
  dueAt: true,
  answeredAt: true,
  satisfied: true,
  organisationId: true,
  fullName: true,
  handlerKind: true,
  answerChannel: true,
  termValue: true,
  termUnit: true,
  extendedAt: true,
  organisation: { select: { nameKk: true, nameRu: true, nameEn: true } },
  application: { select: { id: true, registrationNumber: true, serviceCode: true } },
} as const satisfies Prisma.ComplaintSelect;

type ListRow = Prisma.ComplaintGetPayload<{ select: typeof listSelect }>;
export type TComplaintListRow = ListRow & { badge: TComplaintBadge };

/** Badges need each organisation's calendar: one per distinct organisation on the page (cached). */
async function withBadges(db: DbOrTx, rows: ListRow[], now: Date): Promise<TComplaintListRow[]> {
  const orgIds = [...new Set(rows.map((r) => r.organisationId))];
  const calendars = new Map(await Promise.all(orgIds.map(async (id) => [id, await loadOrganisationCalendar(db, id)] as const)));
  return rows.map((r) => ({ ...r, badge: complaintBadge(calendars.get(r.organisationId)!, r, now) }));
}

/** The applicant's own complaints, newest first. */
export async function listMyComplaints(db: DbOrTx, actor: Actor, now: Date): Promise<TComplaintListRow[]> {
  if (actor.kind !== "user" || actor.role !== "APPLICANT") throw new DomainError("errors.not_found");
  const rows = await db.complaint.findMany({ where: await complaintScope(db, actor), orderBy: [{ acceptedAt: "desc" }, { id: "desc" }], take: 200, select: listSelect });
  return withBadges(db, rows, now);
}

/**
 * The handlers' queue: open complaints (or one status) of the organisations in scope, the nearest
 * deadline first, keyset-paginated on (dueAt, id) over the (organisationId, status, dueAt) index.
 */
export async function listComplaintQueue(db: DbOrTx, actor: Actor, query: TComplaintQueueQuery, now: Date): Promise<{ rows: TComplaintListRow[]; next: string | null }> {
  const q = ZComplaintQueueQuery.parse(query);
  const take = q.take ?? COMPLAINT_QUEUE_PAGE_SIZE;
  const cursor = parseKeysetCursor(q.after, "text");
  const status: Prisma.ComplaintWhereInput =
    q.status === "all" ? {} : q.status === "open" ? { status: { in: [...OPEN_COMPLAINT_STATUSES] } } : { status: q.status };
  const found = await db.complaint.findMany({
    where: { AND: [await complaintScope(db, actor), status, cursor ? { OR: [{ dueAt: { gt: cursor.at } }, { dueAt: cursor.at, id: { gt: cursor.id } }] } : {}] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: take + 1,
    select: listSelect,
  });
  const page = found.slice(0, take);
  const last = page[page.length - 1];
  return { rows: await withBadges(db, page, now), next: found.length > take && last ? `${last.dueAt.toISOString()}|${last.id}` : null };
}

const person = { select: { surname: true, givenName: true, patronymic: true, position: true } } as const;

/** One complaint with everything its page and its ticket show (scoped: applicant or handler). */
export async function getComplaint(db: DbOrTx, actor: Actor, id: string, now: Date) {
  const c = await db.complaint.findFirst({
    where: { AND: [{ id }, await complaintScope(db, actor)] },
    select: {
      ...listSelect,
      addressee: true,
      postalAddress: true,
      officialName: true,
      body: true,
      demands: true,
      answer: true,
      createdAt: true,
      acceptedBy: person,
      handler: person,
      officer: person,
      subject: { select: { name: true, identifier: true } },
      organisation: { select: { nameKk: true, nameRu: true, nameEn: true, addressKk: true, addressRu: true, addressEn: true, phone: true } },
    },
  });
  if (!c) throw new DomainError("errors.not_found");
  const calendar = await loadOrganisationCalendar(db, c.organisationId);
  return {
    ...c,
    official: c.officialName,
    reasons: c.body,
    badge: complaintBadge(calendar, c, now),
    acceptedByShort: c.acceptedBy ? surnameAndInitials(c.acceptedBy) : null,
    handlerShort: c.handler ? surnameAndInitials(c.handler) : null,
    officerShort: c.officer ? surnameAndInitials(c.officer) : null,
    /** The law whose term applies (lib/law/catalogue/data/complaints.json). */
    termLegalReference: getComplaintRules().term.legalReference,
    canExtend: !c.extendedAt && (c.status === "REGISTERED" || c.status === "IN_REVIEW") && getComplaintRules().term.extension !== null,
  };
}
export type TComplaintDetail = Awaited<ReturnType<typeof getComplaint>>;

/**
 * What the "new complaint" form offers the applicant: their registered applications, the
 * organisations, and the officers who handled their applications (to name one, if they wish).
 */
export async function complaintFormOptions(db: DbOrTx, actor: Actor) {
  if (actor.kind !== "user" || actor.role !== "APPLICANT" || !actor.subjectId) throw new DomainError("errors.not_found");
  const [applications, organisations, subject] = await Promise.all([
    db.application.findMany({
      where: { subjectId: actor.subjectId, registrationNumber: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, registrationNumber: true, serviceCode: true, organisationId: true, status: true },
    }),
    db.organisation.findMany({ where: { active: true }, orderBy: [{ kind: "asc" }, { code: "asc" }], select: { id: true, nameKk: true, nameRu: true, nameEn: true } }),
    db.subject.findUnique({ where: { id: actor.subjectId }, select: { name: true, legalAddress: true, headName: true } }),
  ]);
  const appIds = applications.map((a) => a.id);
  const steps = appIds.length
    ? await db.applicationStep.findMany({ where: { applicationId: { in: appIds } }, select: { assigneeId: true, completedById: true } })
    : [];
  const officerIds = [...new Set(steps.flatMap((s) => [s.assigneeId, s.completedById]).filter((x): x is string => !!x))];
  const officers = officerIds.length
    ? await db.user.findMany({
        where: { id: { in: officerIds }, role: { notIn: ["APPLICANT", "SUPERVISOR", "ADMIN"] } },
        orderBy: [{ surname: "asc" }, { givenName: "asc" }],
        select: { id: true, surname: true, givenName: true, patronymic: true, position: true, organisationId: true },
      })
    : [];
  return {
    applications,
    organisations,
    officers: officers.map((o) => ({ id: o.id, name: surnameAndInitials(o), position: o.position, organisationId: o.organisationId })),
    defaults: { fullName: subject?.headName ?? actor.name, postalAddress: subject?.legalAddress ?? "", subjectName: subject?.name ?? "" },
  };
}
