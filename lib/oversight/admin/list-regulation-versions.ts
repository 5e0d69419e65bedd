import { assertCan, type Actor } from "@/lib/platform/auth";
import type { DbOrTx } from "@/lib/platform/db";
import { OPEN_STATUSES } from "./get-organisation";
import { isoDay, REGULATION_ROW_SELECT, validityOn } from "./regulation-rows";
import { userNames } from "./user-names";

/** Every activated regulation version with its binding, validity and how many applications run under it. */
export async function listRegulationVersions(db: DbOrTx, actor: Actor, opts: { now: Date }) {
  assertCan(actor, "admin.regulations");
  const [rows, all, open] = await Promise.all([
    db.regulationVersion.findMany({ orderBy: [{ serviceCode: "asc" }, { regulationId: "asc" }, { version: "asc" }], select: REGULATION_ROW_SELECT }),
    db.application.groupBy({ by: ["regulationVersionId"], where: { regulationVersionId: { not: null } }, _count: { _all: true } }),
    db.application.groupBy({ by: ["regulationVersionId"], where: { regulationVersionId: { not: null }, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
  ]);
  const total = new Map(all.map((g) => [g.regulationVersionId, g._count._all]));
  const running = new Map(open.map((g) => [g.regulationVersionId, g._count._all]));
  const names = await userNames(db, rows.map((r) => r.activatedById));
  return rows.map((r) => {
    const from = isoDay(r.effectiveFrom);
    const to = r.effectiveTo ? isoDay(r.effectiveTo) : null;
    return {
      ...r,
      effectiveFrom: from,
      effectiveTo: to,
      validity: validityOn(from, to, opts.now),
      activatedBy: r.activatedById ? (names.get(r.activatedById) ?? null) : null,
      applications: total.get(r.id) ?? 0,
      runningApplications: running.get(r.id) ?? 0,
    };
  });
}
