import type { DbOrTx } from "@/lib/platform/db";
import type { TDocumentSlot } from "@/lib/law/catalogue";
import { findApplication, slotsForApplication, type DocumentApplication } from "./application-access";

/**
 * Required slots of the application (its service, variant, channel and recipient category) that
 * have no live file. Not scoped: the caller (the submit step) has already loaded the application
 * within the actor's scope, and may pass it instead of its id (no second read of the row).
 */
export async function missingRequiredSlots(
  db: DbOrTx,
  application: string | Pick<DocumentApplication, "id" | "serviceCode" | "variant" | "channel" | "subject">,
): Promise<TDocumentSlot[]> {
  const app = typeof application === "string" ? await findApplication(db, application) : application;
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
