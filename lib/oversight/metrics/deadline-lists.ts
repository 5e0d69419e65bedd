import { z } from "zod";
import { parseKeysetCursor } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { addDays, almatyDate, almatyMidnight } from "@/lib/platform/i18n";
import { dueSoonLimits } from "./due-soon-limits";
import { orgWhere, resolveOrgScope } from "./org-scope";

export const DEADLINE_BUCKETS = ["overdue", "today", "soon", "deemed"] as const;
export type TDeadlineBucket = (typeof DEADLINE_BUCKETS)[number];
export const DEADLINE_LIST_PAGE_SIZE = 25;
/** "step": by the current step's due instant (what the worklists show); "term": by the overall term. */
export const DEADLINE_BASES = ["step", "term"] as const;
export type TDeadlineBasis = (typeof DEADLINE_BASES)[number];

const ZOptionalText = z.string().min(1).max(100).optional();

export const ZDeadlineListQuery = z.object({
  list: z.enum(DEADLINE_BUCKETS).default("overdue"),
  basis: z.enum(DEADLINE_BASES).default("term"),
  hours: z.coerce.number().int().min(1).max(200).default(8),
  organisationId: z.uuid().optional(),
  service: ZOptionalText,
  variant: z.enum(["ISSUE", "ANNEX", "REISSUE", "DUPLICATE", "REGISTRATION", "REREGISTRATION"]).optional(),
  step: ZOptionalText,
  /** An officer's id, or "none" for applications nobody is assigned to. */
  assignee: ZOptionalText,
  /** Keyset cursor "<dueAt ISO>|<id>" of the last row of the previous page. */
  after: z.string().max(200).optional(),
  take: z.coerce.number().int().min(1).max(5000).optional(),
});
export type TDeadlineListQuery = z.input<typeof ZDeadlineListQuery>;

export type TDeadlineListRow = {
  id: string;
  registrationNumber: string | null;
  applicantName: string;
  serviceCode: string;
  variant: string;
  status: string;
  stepKey: string | null;
  organisationId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date | null;
  stepDueAt: Date | null;
  deemedIssuedAt: Date | null;
};

function parseCursor(after: string | undefined): { dueAt: Date; id: string } | null {
  // The shared parser: a malformed or out-of-range cursor (year -271821, 20-digit ids) is the first page.
  const c = parseKeysetCursor(after, "text");
  return c ? { dueAt: c.at, id: c.id } : null;
}

/**
 * One bucket of the deadline dashboard as a list, the oldest due instant first (so the longest
 * overdue case is on top), keyset-paginated on (dueAt, id) over the (status, dueAt) index.
 * The buckets have exactly the definitions of `deadlineDashboard`.
 */
export async function listDeadlineApplications(db: DbOrTx, actor: Actor, query: TDeadlineListQuery, now: Date): Promise<{ rows: TDeadlineListRow[]; next: string | null }> {
  const q = ZDeadlineListQuery.parse(query);
  const take = q.take ?? DEADLINE_LIST_PAGE_SIZE;
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  if (scope.ids?.length === 0) return { rows: [], next: null };
  // The same definitions as deadlineDashboard: the step basis uses the worklists' statuses and stepDueAt.
  const field = q.basis === "step" ? "stepDueAt" : "dueAt";
  const on = (cond: Prisma.DateTimeNullableFilter | Date): Prisma.ApplicationWhereInput => ({ [field]: cond }) as Prisma.ApplicationWhereInput;
  const running: Prisma.ApplicationWhereInput =
    q.basis === "step" ? { status: { in: ["SUBMITTED", "IN_PROGRESS", "DEEMED_ISSUED"] } } : { status: { in: ["SUBMITTED", "IN_PROGRESS"] } };
  let bucket: Prisma.ApplicationWhereInput;
  switch (q.list) {
    case "overdue":
      bucket = { AND: [running, on({ lt: now })] };
      break;
    case "today":
      bucket = { AND: [running, on({ gte: now, lt: almatyMidnight(addDays(almatyDate(now), 1)) })] };
      break;
    case "soon": {
      const limits = await dueSoonLimits(db, scope.organisations, now, q.hours);
      // The widest limit bounds the (status, dueAt) index range; each organisation's own limit filters.
      const widest = limits.reduce<Date>((m, l) => (l.limit > m ? l.limit : m), now);
      bucket = { AND: [running, on({ gte: now, lte: widest }), { OR: limits.map((l) => ({ AND: [{ organisationId: l.organisationId }, on({ lte: l.limit })] })) }] };
      break;
    }
    case "deemed":
      bucket = { status: "DEEMED_ISSUED" };
      break;
  }
  const cursor = parseCursor(q.after);
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      orgWhere(scope),
      bucket,
      q.service ? { serviceCode: q.service } : {},
      q.variant ? { variant: q.variant } : {},
      q.step ? { stepKey: q.step } : {},
      q.assignee ? { assigneeId: q.assignee === "none" ? null : q.assignee } : {},
      cursor ? { OR: [on({ gt: cursor.dueAt }), { AND: [on(cursor.dueAt), { id: { gt: cursor.id } }] }] } : {},
    ],
  };
  const found = await db.application.findMany({
    where,
    orderBy: [{ [field]: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: take + 1,
    select: {
      id: true,
      registrationNumber: true,
      applicantName: true,
      serviceCode: true,
      variant: true,
      status: true,
      stepKey: true,
      organisationId: true,
      assigneeId: true,
      dueAt: true,
      stepDueAt: true,
      deemedIssuedAt: true,
      assignee: { select: { surname: true, givenName: true } },
    },
  });
  const page = found.slice(0, take);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ assignee, ...r }) => ({ ...r, assigneeName: assignee ? `${assignee.surname} ${assignee.givenName}` : null })),
    next: found.length > take && last?.[field] ? `${last[field]!.toISOString()}|${last.id}` : null,
  };
}
