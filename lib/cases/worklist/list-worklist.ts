import type { DbOrTx, Prisma, Variant } from "@/lib/platform/db";
import { parseKeysetCursor } from "@/lib/platform/core";
import { applicationScope, type UserActor } from "@/lib/platform/auth";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { almatyDayStart } from "@/lib/platform/i18n";
import { countdown, type TCountdown } from "./countdown";
import { stepKeysOfQueue } from "./queues";
import type { TWorklistQuery } from "./schemas";

export const WORKLIST_PAGE_SIZE = 25;

/** Open statuses shown when no status filter is set (a suspended application waits; filter for it). */
const DEFAULT_STATUSES = ["SUBMITTED", "IN_PROGRESS", "DEEMED_ISSUED"] as const;

const rowSelect = {
  id: true,
  registrationNumber: true,
  serviceCode: true,
  variant: true,
  status: true,
  stepKey: true,
  stepRole: true,
  assigneeId: true,
  stepDueAt: true,
  dueAt: true,
  submittedAt: true,
  applicantName: true,
  applicantIdentifier: true,
  deadlineLevel: true,
  version: true,
} as const satisfies Prisma.ApplicationSelect;

export type WorklistRow = Prisma.ApplicationGetPayload<{ select: typeof rowSelect }> & {
  /** Live countdown of the current step (only when `now` is passed). */
  countdown: TCountdown | null;
};

type Cursor = { dueAt: Date | null; id: string };

export function encodeCursor(row: { stepDueAt: Date | null; id: string }): string {
  return `${row.stepDueAt ? row.stepDueAt.toISOString() : ""}|${row.id}`;
}

function decodeCursor(after: string | undefined): Cursor | null {
  if (!after) return null;
  const [iso, id] = after.split("|");
  if (!id) return null;
  if (!iso) return { dueAt: null, id };
  const c = parseKeysetCursor(after, "text");
  return c ? { dueAt: c.at, id: c.id } : null;
}

/**
 * Who works on what: an executor only on the applications assigned to them; any other role on the
 * organisation's applications whose current step is that role's, unless a resolution named another
 * person for it (003: the head names one deputy head, who names one department head).
 */
function roleFilter(actor: UserActor): Prisma.ApplicationWhereInput {
  if (actor.role === "EXECUTOR") return { assigneeId: actor.userId };
  return { stepRole: actor.role, OR: [{ assigneeId: null }, { assigneeId: actor.userId }] };
}

function filterWhere(q: TWorklistQuery): Prisma.ApplicationWhereInput[] {
  const and: Prisma.ApplicationWhereInput[] = [];
  and.push({ status: q.status ? q.status : { in: [...DEFAULT_STATUSES] } });
  if (q.service) and.push({ serviceCode: q.service });
  if (q.variant) and.push({ variant: q.variant.toUpperCase() as Variant });
  if (q.queue) and.push({ stepKey: { in: stepKeysOfQueue(q.queue) } });
  if (q.step) and.push({ stepKey: q.step });
  if (q.dueFrom) and.push({ stepDueAt: { gte: almatyDayStart(q.dueFrom) } });
  if (q.dueTo) and.push({ stepDueAt: { lt: almatyDayStart(q.dueTo, 1) } });
  if (q.applicant) {
    and.push(/^\d{12}$/.test(q.applicant) ? { applicantIdentifier: q.applicant } : { applicantName: { contains: q.applicant, mode: "insensitive" } });
  }
  if (q.number) and.push({ registrationNumber: q.number.toUpperCase() });
  if (q.q) {
    and.push({ OR: [{ applicantIdentifier: q.q }, { registrationNumber: q.q.toUpperCase() }, { applicantName: { contains: q.q, mode: "insensitive" } }] });
  }
  return and;
}

/**
 * The actor's worklist, soonest step due first (no due instant last), `WORKLIST_PAGE_SIZE` rows a
 * page. Keyset pagination on (stepDueAt, id) without OFFSET: each part of a page is one range of the
 * worklist index in its order, so any page reads about one page of index entries however deep it
 * is (see README "Performance"). Rows without a due instant come after, by id.
 */
export async function listWorklist(
  db: DbOrTx,
  actor: UserActor,
  query: TWorklistQuery,
  opts: { now?: Date; pageSize?: number } = {},
): Promise<{ rows: WorklistRow[]; next: string | null }> {
  const size = opts.pageSize ?? WORKLIST_PAGE_SIZE;
  const cursor = decodeCursor(query.after);
  const base: Prisma.ApplicationWhereInput[] = [applicationScope(actor), roleFilter(actor), ...filterWhere(query)];

  const rows: Omit<WorklistRow, "countdown">[] = [];
  const read = async (part: Prisma.ApplicationWhereInput) => {
    if (rows.length > size) return;
    rows.push(
      ...(await db.application.findMany({
        where: { AND: [...base, part] },
        // The index order: within one part stepDueAt is constant or ascending.
        orderBy: [{ stepDueAt: "asc" }, { id: "asc" }],
        take: size + 1 - rows.length,
        select: rowSelect,
      })),
    );
  };
  if (!cursor) {
    await read({ stepDueAt: { not: null } });
  } else if (cursor.dueAt) {
    // (stepDueAt, id) > (d, x) as two index ranges: the rest of the rows due at d (many steps end
    // at the same closing time), then everything due later.
    await read({ stepDueAt: cursor.dueAt, id: { gt: cursor.id } });
    await read({ stepDueAt: { gt: cursor.dueAt } });
  }
  // Rows without a due instant (none in normal operation) follow, unless a due range excludes them.
  if (!query.dueFrom && !query.dueTo) await read(cursor && !cursor.dueAt ? { stepDueAt: null, id: { gt: cursor.id } } : { stepDueAt: null });

  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  const next = rows.length > size && last ? encodeCursor(last) : null;
  const calendar = opts.now && actor.organisationId && page.length ? await loadOrganisationCalendar(db, actor.organisationId) : null;
  return {
    rows: page.map((r) => ({ ...r, countdown: calendar && r.stepDueAt ? countdown(calendar, r.stepDueAt, opts.now!) : null })),
    next,
  };
}

/**
 * How many applications each of the actor's queues holds with the current filters (the queue tab
 * and cursor aside), and the total: the counts on the worklist's tabs. One COUNT per queue over the
 * worklist index.
 */
export async function countWorklistQueues(
  db: DbOrTx,
  actor: UserActor,
  query: TWorklistQuery,
  queues: readonly NonNullable<TWorklistQuery["queue"]>[],
): Promise<{ total: number; byQueue: Partial<Record<NonNullable<TWorklistQuery["queue"]>, number>> }> {
  const rest: TWorklistQuery = { ...query, queue: undefined, after: undefined };
  const base: Prisma.ApplicationWhereInput[] = [applicationScope(actor), roleFilter(actor), ...filterWhere(rest)];
  const [total, ...counts] = await Promise.all([
    db.application.count({ where: { AND: base } }),
    ...queues.map((q) => db.application.count({ where: { AND: [...base, { stepKey: { in: stepKeysOfQueue(q) } }] } })),
  ]);
  return { total, byQueue: Object.fromEntries(queues.map((q, i) => [q, counts[i]!])) };
}
