import { addWorkingTime } from "@/lib/law/calendar";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import type { TScopeOrganisation } from "./org-scope";

export type TDueSoonLimit = { organisationId: string; limit: Date };

/**
 * For every organisation, the instant `hours` working hours after `now` on its own calendar
 * (its working hours, national holidays and transfers): a running application whose due instant
 * is not later than that is "due soon". One calendar per organisation, cached by lib/work-calendar.
 */
export async function dueSoonLimits(db: DbOrTx, organisations: readonly Pick<TScopeOrganisation, "id">[], now: Date, hours: number): Promise<TDueSoonLimit[]> {
  return Promise.all(
    organisations.map(async (o) => ({ organisationId: o.id, limit: addWorkingTime(await loadOrganisationCalendar(db, o.id), now, { value: hours, unit: "hours" }) })),
  );
}

/** The limits as an SQL VALUES list `lim(org, soon)` to join on; a dummy row keeps the SQL valid when empty. */
export function limitsValues(limits: readonly TDueSoonLimit[]): Prisma.Sql {
  if (limits.length === 0) return Prisma.sql`SELECT NULL::text AS org, NULL::timestamp(3) AS soon WHERE FALSE`;
  return Prisma.sql`VALUES ${Prisma.join(limits.map((l) => Prisma.sql`(${l.organisationId}::text, ${l.limit}::timestamp(3))`))}`;
}
