import type { DbOrTx } from "@/lib/platform/db";
import { hoursText } from "./hours";

type Hours = { start: string; end: string; breaks?: [string, string][] };

/** Organisations with their working hours and number of active staff (one grouped query, no N+1). */
export async function listOrganisationsWithStaff(db: DbOrTx) {
  const [orgs, staff] = await Promise.all([
    db.organisation.findMany({ orderBy: [{ kind: "asc" }, { nameEn: "asc" }] }),
    db.user.groupBy({ by: ["organisationId"], where: { active: true, organisationId: { not: null } }, _count: { _all: true } }),
  ]);
  const byOrg = new Map(staff.map((s) => [s.organisationId, s._count._all]));
  return orgs.map((o) => ({ ...o, hours: hoursText(o.workingHours as Hours), staff: byOrg.get(o.id) ?? 0 }));
}

/** id + names of every organisation, for selects (officer forms, filters). */
export async function listOrganisationOptions(db: DbOrTx) {
  return db.organisation.findMany({
    orderBy: [{ kind: "asc" }, { nameEn: "asc" }],
    select: { id: true, code: true, region: true, nameKk: true, nameRu: true, nameEn: true, active: true },
  });
}
