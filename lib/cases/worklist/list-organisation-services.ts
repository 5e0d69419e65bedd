import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";

/** Codes of the services the officer's organisation provides (the service filter's options). */
export async function listOrganisationServiceCodes(db: DbOrTx, actor: UserActor): Promise<string[]> {
  if (!actor.organisationId) return [];
  const rows = await db.organisationService.findMany({ where: { organisationId: actor.organisationId }, select: { serviceCode: true }, orderBy: { serviceCode: "asc" } });
  return rows.map((r) => r.serviceCode);
}
