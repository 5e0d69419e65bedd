import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { countOpenAssignments } from "./get-officer";
import { inTransaction, auditAdmin, type AdminCtx } from "./admin-context";
import { OFFICER_ROLES, ZSetOfficerActiveInput, type TSetOfficerActiveInput } from "./officer-schemas";

/**
 * Deactivates (or reactivates) a staff account. A deactivated user cannot sign in, and an open
 * session stops working at the next request (the session re-reads `active`). An administrator
 * cannot deactivate themself, so at least one active administrator always remains.
 */
export async function setOfficerActive(db: DbOrTx, actor: Actor, raw: TSetOfficerActiveInput, ctx: AdminCtx) {
  assertCan(actor, "admin.users");
  const input = ZSetOfficerActiveInput.parse(raw);
  if (!input.active && input.id === actor.userId) throw new DomainError("admin.cannot_deactivate_self");
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.id, role: { in: [...OFFICER_ROLES] } }, select: { id: true, active: true, organisationId: true, login: true } });
    if (!user) throw new DomainError("errors.not_found");
    // Reported so the page can say which applications now need another assignee.
    const openAssignments = input.active ? 0 : await countOpenAssignments(tx, user.id);
    if (user.active === input.active) return { id: user.id, active: user.active, changed: false, openAssignments };
    await tx.user.update({ where: { id: user.id }, data: { active: input.active } });
    await auditAdmin(tx, actor, ctx, {
      type: input.active ? "admin.user_activated" : "admin.user_deactivated",
      entityType: "user",
      entityId: user.id,
      organisationId: user.organisationId,
      data: { login: user.login, openAssignments },
    });
    return { id: user.id, active: input.active, changed: true, openAssignments };
  });
}
