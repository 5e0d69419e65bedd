import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { inTransaction, auditAdmin, type AdminCtx } from "./admin-context";
import { ZSetOrganisationActiveInput, type TSetOrganisationActiveInput } from "./organisation-schemas";

/** Activates or deactivates an organisation (idempotent: no audit row when nothing changes). */
export async function setOrganisationActive(db: DbOrTx, actor: Actor, raw: TSetOrganisationActiveInput, ctx: AdminCtx) {
  assertCan(actor, "admin.organisations");
  const input = ZSetOrganisationActiveInput.parse(raw);
  return inTransaction(db, async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: input.id }, select: { id: true, active: true } });
    if (!org) throw new DomainError("errors.not_found");
    if (org.active === input.active) return { id: org.id, active: org.active, changed: false };
    await tx.organisation.update({ where: { id: org.id }, data: { active: input.active } });
    await auditAdmin(tx, actor, ctx, {
      type: input.active ? "admin.organisation_activated" : "admin.organisation_deactivated",
      entityType: "organisation",
      entityId: org.id,
      organisationId: org.id,
    });
    return { id: org.id, active: input.active, changed: true };
  });
}
