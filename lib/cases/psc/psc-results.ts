import { getService } from "@/lib/law/catalogue";
import { pscDeliveryDueAt, pscKeepUntil } from "@/lib/law/deadlines";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { DomainError } from "@/lib/platform/core";
import type { ApplicationStatus, Db, DbOrTx } from "@/lib/platform/db";
import { applicationScope, assertCan, type Actor, type UserActor } from "@/lib/platform/auth";
import { recordAudit, type AuditInput, type RequestMeta } from "@/lib/platform/audit";

/** The results a provider has delivered: the hand-over step closed the application (issued or refused). */
const DELIVERED: ApplicationStatus[] = ["ISSUED", "REFUSED"];

/**
 * When the provider must have the result at the PSC: one working day before the term ends
 * [004 L608-609], on the provider's calendar for the service. Null for another channel or no term.
 */
export async function pscDeliveryDeadline(db: DbOrTx, app: { channel: string; dueAt: Date | null; organisationId: string; serviceCode: string }): Promise<Date | null> {
  if (app.channel !== "PSC" || !app.dueAt) return null;
  const rules = getService(app.serviceCode)?.psc;
  const calendar = await loadOrganisationCalendar(db, app.organisationId, { serviceCode: app.serviceCode });
  return pscDeliveryDueAt(calendar, app.dueAt, rules?.resultDeliveredBeforeTermEnd.unit === "workingDays" ? { value: rules.resultDeliveredBeforeTermEnd.value, unit: "workingDays" } : undefined);
}

function keepUntil(app: { serviceCode: string; dueAt: Date | null; closedAt: Date | null }): Date | null {
  if (!app.closedAt) return null;
  return pscKeepUntil({ dueAt: app.dueAt ?? app.closedAt, resultAt: app.closedAt, months: getService(app.serviceCode)?.psc?.keepingPeriodMonths ?? 1 });
}

export type TPscResultRow = {
  id: string;
  registrationNumber: string | null;
  applicantName: string;
  applicantIdentifier: string;
  serviceCode: string;
  status: ApplicationStatus;
  acceptedAt: Date | null;
  dueAt: Date | null;
  /** When the result reached the centre (the provider's hand-over). */
  deliveredAt: Date | null;
  /** Kept until this instant, then returned to the provider [004 L758-760]. */
  keepUntil: Date | null;
  mayReturn: boolean;
};

export type TPscQueue = {
  /** The centre's code (its hours are data: lib/law/organisations) and names. */
  psc: { code: string; name: { kk: string; ru: string; en: string } } | null;
  /** Accepted here and still with the provider, with the day the result is due at the centre. */
  inProgress: (TPscResultRow & { deliveryDueAt: Date | null })[];
  /** Results at the centre waiting for the applicant. */
  toHandOver: TPscResultRow[];
};

const select = {
  id: true,
  registrationNumber: true,
  applicantName: true,
  applicantIdentifier: true,
  serviceCode: true,
  status: true,
  pscAcceptedAt: true,
  dueAt: true,
  closedAt: true,
  channel: true,
  organisationId: true,
} as const;

/** The centre's two lists: packages with the provider, and results to hand over (oldest first). */
export async function listPscQueue(db: DbOrTx, actor: Actor, now: Date, take = 100): Promise<TPscQueue> {
  assertCan(actor, "psc.results");
  const scope = applicationScope(actor);
  const [org, open, done] = await Promise.all([
    actor.kind === "user" && actor.organisationId ? db.organisation.findUnique({ where: { id: actor.organisationId }, select: { code: true, nameKk: true, nameRu: true, nameEn: true } }) : null,
    db.application.findMany({
      where: { AND: [scope, { channel: "PSC", status: { in: ["SUBMITTED", "IN_PROGRESS", "SUSPENDED", "DEEMED_ISSUED"] } }] },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take,
      select,
    }),
    db.application.findMany({
      where: { AND: [scope, { channel: "PSC", status: { in: DELIVERED }, pscHandedOverAt: null, pscReturnedAt: null }] },
      orderBy: [{ closedAt: "asc" }, { id: "asc" }],
      take,
      select,
    }),
  ]);
  const row = (a: (typeof open)[number]): TPscResultRow => {
    const until = keepUntil(a);
    return {
      id: a.id,
      registrationNumber: a.registrationNumber,
      applicantName: a.applicantName,
      applicantIdentifier: a.applicantIdentifier,
      serviceCode: a.serviceCode,
      status: a.status,
      acceptedAt: a.pscAcceptedAt,
      dueAt: a.dueAt,
      deliveredAt: DELIVERED.includes(a.status) ? a.closedAt : null,
      keepUntil: DELIVERED.includes(a.status) ? until : null,
      mayReturn: DELIVERED.includes(a.status) && !!until && now >= until,
    };
  };
  return {
    psc: org ? { code: org.code, name: { kk: org.nameKk, ru: org.nameRu, en: org.nameEn } } : null,
    inProgress: await Promise.all(open.map(async (a) => ({ ...row(a), deliveryDueAt: await pscDeliveryDeadline(db, a) }))),
    toHandOver: done.map(row),
  };
}

async function lockResult(tx: DbOrTx, actor: UserActor, applicationId: string) {
  const found = await tx.application.findFirst({ where: { AND: [{ id: applicationId, channel: "PSC" }, applicationScope(actor)] }, select: { id: true } });
  if (!found) throw new DomainError("psc.not_accepted_here");
  await tx.$queryRaw`select id from "Application" where id = ${found.id} for update`;
  const app = await tx.application.findUniqueOrThrow({
    where: { id: found.id },
    select: { ...select, pscId: true, pscHandedOverAt: true, pscReturnedAt: true },
  });
  if (!DELIVERED.includes(app.status)) throw new DomainError("psc.result_not_ready", { status: app.status });
  if (app.pscHandedOverAt || app.pscReturnedAt) throw new DomainError("psc.already_closed");
  return app;
}

/** A result's event at the centre: filed under the application, with the PSC as the organisation. */
function auditPscResult(tx: DbOrTx, app: { id: string; pscId: string | null }, event: Pick<AuditInput, "type" | "actor" | "at" | "data" | "meta">): Promise<void> {
  return recordAudit(tx, { ...event, entityType: "application", entityId: app.id, applicationId: app.id, organisationId: app.pscId });
}

/**
 * The operator hands the result to the applicant (or their representative) at the window, on the
 * receipt [004 L755-757]; the recipient's name is written down. Audited.
 */
export async function handOverAtPsc(db: Db, input: { actor: UserActor; applicationId: string; recipientName: string; now: Date; meta?: RequestMeta }): Promise<{ handedOverAt: Date }> {
  const { actor, now } = input;
  assertCan(actor, "psc.results");
  const recipientName = input.recipientName.replace(/\s+/g, " ").trim();
  if (recipientName.length < 3) throw new DomainError("validation.failed", { fieldErrors: { recipientName: "validation.required" } });
  if (recipientName.length > 300) throw new DomainError("validation.failed", { fieldErrors: { recipientName: "validation.too_big" } });
  return db.$transaction(async (tx) => {
    const app = await lockResult(tx, actor, input.applicationId);
    await tx.application.update({ where: { id: app.id }, data: { pscHandedOverAt: now, pscHandedOverTo: recipientName, version: { increment: 1 } } });
    await auditPscResult(tx, app, {
      type: "psc.result_handed_over",
      actor,
      at: now,
      data: { recipientName, status: app.status, deliveredAt: app.closedAt?.toISOString() ?? null },
      meta: input.meta,
    });
    return { handedOverAt: now };
  });
}

/**
 * An uncollected result is returned to the provider once the one-month keeping period is over
 * [004 L758-760] (`pscKeepUntil`); before that, `psc.keeping_period_running`. Audited.
 */
export async function returnToProvider(db: Db, input: { actor: UserActor; applicationId: string; now: Date; meta?: RequestMeta }): Promise<{ returnedAt: Date }> {
  const { actor, now } = input;
  assertCan(actor, "psc.results");
  return db.$transaction(async (tx) => {
    const app = await lockResult(tx, actor, input.applicationId);
    const until = keepUntil(app);
    if (!until || now < until) throw new DomainError("psc.keeping_period_running", { keepUntil: until?.toISOString() ?? null });
    await tx.application.update({ where: { id: app.id }, data: { pscReturnedAt: now, version: { increment: 1 } } });
    await auditPscResult(tx, app, {
      type: "psc.result_returned",
      actor,
      at: now,
      data: { providerId: app.organisationId, keepUntil: until.toISOString(), deliveredAt: app.closedAt?.toISOString() ?? null },
      meta: input.meta,
    });
    return { returnedAt: now };
  });
}
