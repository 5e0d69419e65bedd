import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { overrunningVariants, ZRegulationVersion, type TRegulationVersion } from "@/lib/law/regulations";
import { OPEN_STATUSES } from "./get-organisation";
import { isoDay, REGULATION_ROW_SELECT, validityOn } from "./regulation-rows";
import { userNames } from "./user-names";

/** One version with its parsed definition (steps per variant) for the read-only view. */
export async function getRegulationVersion(db: DbOrTx, actor: Actor, id: string, opts: { now: Date }) {
  assertCan(actor, "admin.regulations");
  const row = await db.regulationVersion.findUnique({ where: { id }, select: { ...REGULATION_ROW_SELECT, definition: true } });
  if (!row) throw new DomainError("errors.not_found");
  const definition: TRegulationVersion = ZRegulationVersion.parse(row.definition);
  const [applications, runningApplications, names] = await Promise.all([
    db.application.count({ where: { regulationVersionId: id } }),
    db.application.count({ where: { regulationVersionId: id, status: { in: [...OPEN_STATUSES] } } }),
    userNames(db, [row.activatedById]),
  ]);
  const from = isoDay(row.effectiveFrom);
  const to = row.effectiveTo ? isoDay(row.effectiveTo) : null;
  return {
    ...row,
    definition,
    effectiveFrom: from,
    effectiveTo: to,
    validity: validityOn(from, to, opts.now),
    activatedBy: row.activatedById ? (names.get(row.activatedById) ?? null) : null,
    applications,
    runningApplications,
    /** Variants whose chain of step norms exceeds the legal term (with both numbers). */
    overruns: overrunningVariants(definition),
  };
}
