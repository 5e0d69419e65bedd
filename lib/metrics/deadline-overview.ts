import type { DbOrTx } from "@/lib/db";
import { applicationScope, type UserActor } from "@/lib/auth";

export type DeadlineOverview = { open: number; overdue: number; dueSoon: number; deemedIssued: number };

/** Counts of open applications in the supervisor's scope by deadline level. */
export async function deadlineOverview(db: DbOrTx, actor: UserActor): Promise<DeadlineOverview> {
  const scope = applicationScope(actor);
  const open = { AND: [scope, { status: { in: ["SUBMITTED", "IN_PROGRESS", "SUSPENDED"] as ("SUBMITTED" | "IN_PROGRESS" | "SUSPENDED")[] } }] };
  const grouped = await db.application.groupBy({ by: ["deadlineLevel"], where: open, _count: { _all: true } });
  const deemedIssued = await db.application.count({ where: { AND: [scope, { status: "DEEMED_ISSUED" }] } });
  const count = (lvl: string) => grouped.find((g) => g.deadlineLevel === lvl)?._count._all ?? 0;
  return { open: grouped.reduce((s, g) => s + g._count._all, 0), overdue: count("OVERDUE"), dueSoon: count("DUE_SOON"), deemedIssued };
}
