import type { DbOrTx } from "@/lib/platform/db";
import type { TDocumentSlot } from "@/lib/law/catalogue";
import { findApplication, slotsForApplication } from "./application-access";

/**
 * Required slots of the application (its service, variant, channel and recipient category) that
 * have no live file. Not scoped: the caller (the submit step) has already loaded the application
 * within the actor's scope.
 */
export async function missingRequiredSlots(db: DbOrTx, applicationId: string): Promise<TDocumentSlot[]> {
  const app = await findApplication(db, applicationId);
  const required = slotsForApplication(app).filter((s) => s.required);
  if (required.length === 0) return [];
  const present = await db.document.findMany({
    where: { applicationId: app.id, deletedAt: null, slotKey: { in: required.map((s) => s.key) } },
    select: { slotKey: true },
    distinct: ["slotKey"],
  });
  const have = new Set(present.map((d) => d.slotKey));
  return required.filter((s) => !have.has(s.key));
}
