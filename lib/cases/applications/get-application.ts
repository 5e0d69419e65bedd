import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";

/** One application as the actor may see it; outside the actor's scope it does not exist (404). */
export async function getApplication(db: DbOrTx, actor: Actor, id: string) {
  const app = await db.application.findFirst({
    where: { AND: [{ id }, applicationScope(actor)] },
    include: {
      organisation: true,
      subject: true,
      steps: { orderBy: { seq: "asc" } },
      documents: { where: { deletedAt: null }, orderBy: { createdAt: "asc" } },
      payments: { orderBy: { createdAt: "desc" } },
      baseLicence: { select: { id: true, number: true, status: true } },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}
