import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { listServices, type TService } from "@/lib/law/catalogue";

/** The services the actor's organisation accepts at its counter (the provider channel). */
export async function listCounterServices(db: DbOrTx, actor: Actor): Promise<TService[]> {
  if (actor.kind !== "user" || !actor.organisationId) return [];
  const organisation = await db.organisation.findUnique({ where: { id: actor.organisationId }, select: { code: true } });
  if (!organisation) return [];
  return listServices({ organisationCode: organisation.code }).filter((s) => s.channels.includes("provider"));
}
