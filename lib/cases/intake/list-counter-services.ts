import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { listServices, type TService } from "@/lib/law/catalogue";
import { acceptedServiceCodes } from "./intake-channel";

/** The services the actor's organisation accepts on paper: its own at the counter, or those a PSC forwards. */
export async function listCounterServices(db: DbOrTx, actor: Actor): Promise<TService[]> {
  if (actor.kind !== "user" || !actor.organisationId) return [];
  const organisation = await db.organisation.findUnique({ where: { id: actor.organisationId }, select: { code: true } });
  if (!organisation) return [];
  const codes = new Set(acceptedServiceCodes(organisation.code));
  return listServices().filter((s) => codes.has(s.code) && s.channels.includes("provider"));
}
