import { z } from "zod";
import { DomainError, ZIsoDate, ZKeysetCursor, parseKeysetCursor } from "@/lib/platform/core";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import { can, type Actor } from "@/lib/platform/auth";
import { addDays, almatyMidnight } from "@/lib/platform/i18n";
import { resolveOrgScope } from "./org-scope";

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditQuery = z.object({
  /** Application id or registration number. */
  application: z.string().trim().min(1).max(100).optional(),
  /** Actor: a login (exact) or part of a name. */
  actor: z.string().trim().min(1).max(100).optional(),
  /** Event type: exact ("complaint.answered") or a prefix ending with a dot ("complaint."). */
  type: z.string().trim().regex(/^[a-z_]+(\.[a-z_]*)*$/).max(100).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** Keyset cursor "<at ISO>|<id>" of the last row of the previous page (newest first). */
  after: ZKeysetCursor("bigint").optional(),
  take: z.coerce.number().int().min(1).max(5000).optional(),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;

export type TAuditRow = {
  id: string;
  at: Date;
  type: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  entityType: string;
  entityId: string;
  applicationId: string | null;
  registrationNumber: string | null;
  organisationId: string | null;
  data: unknown;
};

/**
 * "Who did what and when": audit events, newest first, keyset-paginated on (at, id).
 * Scope: a supervisor sees the events of the organisations in scope (events with no organisation,
 * such as sign-ins, are not theirs); an administrator sees everything. Each filter maps onto an
 * index: (applicationId, at), (actorId, at), (type, at), (organisationId, at).
 */
export async function listAuditEvents(db: DbOrTx, actor: Actor, query: TAuditQuery): Promise<{ rows: TAuditRow[]; next: string | null }> {
  if (!can(actor, "audit.read")) throw new DomainError("errors.not_found");
  const q = ZAuditQuery.parse(query);
  const take = q.take ?? AUDIT_PAGE_SIZE;
  const admin = actor.kind === "user" && actor.role === "ADMIN";
  const scope = admin ? null : await resolveOrgScope(db, actor);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope) and.push(scope.ids === null ? { organisationId: { not: null } } : { organisationId: { in: scope.ids } });
  if (q.application) {
    const isUuid = z.uuid().safeParse(q.application).success;
    const app = await db.application.findFirst({ where: isUuid ? { id: q.application } : { registrationNumber: q.application }, select: { id: true } });
    if (!app) return { rows: [], next: null };
    and.push({ applicationId: app.id });
  }
  if (q.actor) {
    const user = await db.user.findUnique({ where: { login: q.actor }, select: { id: true } });
    and.push(user ? { actorId: user.id } : { actorName: { contains: q.actor, mode: "insensitive" } });
  }
  if (q.type) and.push(q.type.endsWith(".") ? { type: { startsWith: q.type } } : { type: q.type });
  if (q.from) and.push({ at: { gte: almatyMidnight(q.from) } });
  if (q.to) and.push({ at: { lt: almatyMidnight(addDays(q.to, 1)) } });
  const after = parseKeysetCursor(q.after, "bigint");
  if (after) and.push({ OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: BigInt(after.id) } }] });
  const select = { id: true, at: true, type: true, actorId: true, actorName: true, actorRole: true, entityType: true, entityId: true, applicationId: true, organisationId: true, data: true } as const;
  const selective = q.application || q.actor || q.type;
  let found;
  if (selective) {
    found = await db.auditEvent.findMany({ where: { AND: and }, orderBy: [{ at: "desc" }, { id: "desc" }], take: take + 1, select });
  } else {
    // Newest events of many organisations: one short walk down the (organisationId, at) index per
    // organisation, merged — instead of sorting every event of the scope.
    const orgIds = scope ? (scope.ids ?? scope.organisations.map((o) => o.id)) : (await db.organisation.findMany({ select: { id: true } })).map((o) => o.id);
    const keys = await newestIds(db, { orgIds, withoutOrganisation: admin, from: q.from ? almatyMidnight(q.from) : null, to: q.to ? almatyMidnight(addDays(q.to, 1)) : null, after: q.after, limit: take + 1 });
    const rows = keys.length ? await db.auditEvent.findMany({ where: { id: { in: keys } }, select }) : [];
    found = rows.sort((a, b) => b.at.getTime() - a.at.getTime() || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0));
  }
  const page = found.slice(0, take);
  const appIds = [...new Set(page.map((r) => r.applicationId).filter((x): x is string => !!x))];
  const numbers = appIds.length ? await db.application.findMany({ where: { id: { in: appIds } }, select: { id: true, registrationNumber: true } }) : [];
  const numberOf = new Map(numbers.map((n) => [n.id, n.registrationNumber]));
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, id: r.id.toString(), registrationNumber: r.applicationId ? (numberOf.get(r.applicationId) ?? null) : null })),
    next: found.length > take && last ? `${last.at.toISOString()}|${last.id.toString()}` : null,
  };
}

async function newestIds(
  db: DbOrTx,
  o: { orgIds: string[]; withoutOrganisation: boolean; from: Date | null; to: Date | null; after: string | undefined; limit: number },
): Promise<bigint[]> {
  const parsed = parseKeysetCursor(o.after, "bigint");
  const cursor = parsed ? { at: parsed.at, id: BigInt(parsed.id) } : null;
  const cond = Prisma.sql`${o.from ? Prisma.sql`AND e."at" >= ${o.from}::timestamp(3)` : Prisma.empty}
    ${o.to ? Prisma.sql`AND e."at" < ${o.to}::timestamp(3)` : Prisma.empty}
    ${cursor ? Prisma.sql`AND e."at" <= ${cursor.at}::timestamp(3) AND (e."at" < ${cursor.at}::timestamp(3) OR e."id" < ${cursor.id})` : Prisma.empty}`;
  const orgs = o.orgIds.length
    ? Prisma.sql`SELECT x."id", x."at" FROM unnest(${o.orgIds}::text[]) AS org(id)
        CROSS JOIN LATERAL (SELECT e."id", e."at" FROM "AuditEvent" e WHERE e."organisationId" = org.id ${cond} ORDER BY e."at" DESC, e."id" DESC LIMIT ${o.limit}) x`
    : null;
  const none = o.withoutOrganisation
    ? Prisma.sql`SELECT y."id", y."at" FROM (SELECT e."id", e."at" FROM "AuditEvent" e WHERE e."organisationId" IS NULL ${cond} ORDER BY e."at" DESC, e."id" DESC LIMIT ${o.limit}) y`
    : null;
  const parts = [orgs, none].filter((p): p is Prisma.Sql => p !== null);
  if (parts.length === 0) return [];
  const rows = await db.$queryRaw<{ id: bigint }[]>`SELECT u."id" FROM (${Prisma.join(parts, " UNION ALL ")}) u ORDER BY u."at" DESC, u."id" DESC LIMIT ${o.limit}`;
  return rows.map((r) => r.id);
}
