import type { DbOrTx } from "@/lib/db";

type Hours = { start: string; end: string; breaks?: [string, string][] };

/** Organisations with their working hours and number of active staff (one grouped query, no N+1). */
export async function listOrganisationsWithStaff(db: DbOrTx) {
  const [orgs, staff] = await Promise.all([
    db.organisation.findMany({ orderBy: [{ kind: "asc" }, { nameEn: "asc" }] }),
    db.user.groupBy({ by: ["organisationId"], where: { active: true, organisationId: { not: null } }, _count: { _all: true } }),
  ]);
  const byOrg = new Map(staff.map((s) => [s.organisationId, s._count._all]));
  return orgs.map((o) => {
    const h = o.workingHours as Hours;
    const breaks = (h.breaks ?? []).map(([a, b]) => `${a}–${b}`).join(", ");
    return { ...o, hours: `${h.start}–${h.end}${breaks ? ` (${breaks})` : ""}`, staff: byOrg.get(o.id) ?? 0 };
  });
}
