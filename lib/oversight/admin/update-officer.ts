import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { requireActiveOrganisation } from "./create-officer";
import { countOpenAssignments } from "./get-officer";
import { inTransaction, isStale, auditAdmin, changeSet, type AdminCtx } from "./admin-context";
import { OFFICER_ROLES, ZUpdateOfficerInput, type TUpdateOfficerInput } from "./officer-schemas";

/**
 * Role, organisation, signing right and supervisor scope of a staff account. Takes effect on the
 * officer's next request (the session re-reads the user). Refused while applications are assigned
 * to the officer and the role or organisation changes: they would be left with nobody able to act.
 */
export async function updateOfficer(db: DbOrTx, actor: Actor, raw: TUpdateOfficerInput, ctx: AdminCtx) {
  assertCan(actor, "admin.users");
  const input = ZUpdateOfficerInput.parse(raw);
  return inTransaction(db, async (tx) => {
    const before = await tx.user.findFirst({
      where: { id: input.id, role: { in: [...OFFICER_ROLES] } },
      select: { id: true, role: true, organisationId: true, canSign: true, supervisorScope: true, updatedAt: true },
    });
    if (!before) throw new DomainError("errors.not_found");
    if (isStale(input.expectedUpdatedAt, before.updatedAt)) throw new DomainError("admin.stale");
    const after = { role: input.role, organisationId: input.organisationId ?? null, canSign: input.canSign, supervisorScope: input.supervisorScope ?? null };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return { id: before.id, changed };
    // An administrator who demotes themself could lock everybody out of these pages.
    if (before.id === actor.userId && after.role !== before.role) throw new DomainError("admin.cannot_change_own_role", { fieldErrors: { role: "admin.cannot_change_own_role" } });
    if (after.organisationId && after.organisationId !== before.organisationId) await requireActiveOrganisation(tx, after.organisationId);
    if (changed.includes("role") || changed.includes("organisationId")) {
      const open = await countOpenAssignments(tx, before.id);
      if (open > 0) throw new DomainError("admin.officer_has_open_work", { count: open });
    }
    const n = await tx.user.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data: after });
    if (n.count !== 1) throw new DomainError("admin.stale");
    await auditAdmin(tx, actor, ctx, {
      type: "admin.user_updated",
      entityType: "user",
      entityId: before.id,
      organisationId: after.organisationId ?? before.organisationId,
      data: changeSet(before, after, changed),
    });
    return { id: before.id, changed };
  });
}
