import { assertCan, hashPassword, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { generatePassword } from "./generate-password";
import { inTransaction, auditAdmin, type AdminCtx } from "./admin-context";
import { OFFICER_ROLES, ZResetOfficerPasswordInput, type TResetOfficerPasswordInput } from "./officer-schemas";

/** Sets a new password (typed or generated; a generated one is returned once and never stored in clear). */
export async function resetOfficerPassword(db: DbOrTx, actor: Actor, raw: TResetOfficerPasswordInput, ctx: AdminCtx): Promise<{ id: string; generatedPassword: string | null }> {
  assertCan(actor, "admin.users");
  const input = ZResetOfficerPasswordInput.parse(raw);
  const generatedPassword = input.passwordMode === "generate" ? generatePassword() : null;
  const passwordHash = await hashPassword(generatedPassword ?? input.password!);
  await inTransaction(db, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.id, role: { in: [...OFFICER_ROLES] } }, select: { id: true, organisationId: true, login: true } });
    if (!user) throw new DomainError("errors.not_found");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await auditAdmin(tx, actor, ctx, {
      type: "admin.user_password_reset",
      entityType: "user",
      entityId: user.id,
      organisationId: user.organisationId,
      data: { login: user.login, passwordMode: input.passwordMode },
    });
  });
  return { id: input.id, generatedPassword };
}
