import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { decodeCursor, encodeCursor } from "./cursor";
import { applicationSummaryView } from "./views";

/**
 * The caller's applications, newest first, keyset-paginated on (createdAt, id): the same rows and
 * scope as `listMyApplications` (never another applicant's), with a cursor instead of a cap.
 */
export async function listApplicationsPage(db: DbOrTx, actor: Actor, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor);
  const rows = await db.application.findMany({
    where: {
      AND: [applicationScope(actor), after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: {
      id: true,
      registrationNumber: true,
      serviceCode: true,
      variant: true,
      status: true,
      stepKey: true,
      dueAt: true,
      createdAt: true,
      organisation: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(applicationSummaryView), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
