import type { DbOrTx, Prisma } from "@/lib/db";
import { applicationScope, type UserActor } from "@/lib/auth";
import type { TWorklistQuery } from "./schemas";

export const WORKLIST_PAGE_SIZE = 25;

export type WorklistRow = {
  id: string;
  registrationNumber: string | null;
  serviceCode: string;
  variant: string;
  status: string;
  stepKey: string | null;
  stepDueAt: Date | null;
  dueAt: Date | null;
  applicantName: string;
  applicantIdentifier: string;
  deadlineLevel: string;
};

function parseCursor(after: string | undefined): { dueAt: Date; id: string } | null {
  if (!after) return null;
  const [iso, id] = after.split("|");
  const dueAt = iso ? new Date(iso) : null;
  return dueAt && id && !Number.isNaN(dueAt.getTime()) ? { dueAt, id } : null;
}

/**
 * What is this officer's to do now: the organisation's open applications whose current step
 * belongs to the officer's role (an executor: only those assigned to them), soonest due first.
 * Keyset pagination on (stepDueAt, id) uses the worklist indexes, so deep pages stay fast.
 */
export async function listWorklist(db: DbOrTx, actor: UserActor, query: TWorklistQuery): Promise<{ rows: WorklistRow[]; next: string | null }> {
  const mine: Prisma.ApplicationWhereInput =
    actor.role === "EXECUTOR" ? { assigneeId: actor.userId } : { stepRole: actor.role, OR: [{ assigneeId: null }, { assigneeId: actor.userId }] };
  const cursor = parseCursor(query.after);
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationScope(actor),
      mine,
      { status: query.status ?? { in: ["SUBMITTED", "IN_PROGRESS", "DEEMED_ISSUED"] } },
      query.service ? { serviceCode: query.service } : {},
      query.q
        ? { OR: [{ applicantIdentifier: query.q }, { registrationNumber: query.q }, { applicantName: { contains: query.q, mode: "insensitive" } }] }
        : {},
      cursor ? { OR: [{ stepDueAt: { gt: cursor.dueAt } }, { stepDueAt: cursor.dueAt, id: { gt: cursor.id } }] } : {},
    ],
  };
  const rows = await db.application.findMany({
    where,
    orderBy: [{ stepDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: WORKLIST_PAGE_SIZE + 1,
    select: {
      id: true,
      registrationNumber: true,
      serviceCode: true,
      variant: true,
      status: true,
      stepKey: true,
      stepDueAt: true,
      dueAt: true,
      applicantName: true,
      applicantIdentifier: true,
      deadlineLevel: true,
    },
  });
  const page = rows.slice(0, WORKLIST_PAGE_SIZE);
  const last = page[page.length - 1];
  const next = rows.length > WORKLIST_PAGE_SIZE && last?.stepDueAt ? `${last.stepDueAt.toISOString()}|${last.id}` : null;
  return { rows: page, next };
}
