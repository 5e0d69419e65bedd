import { assertCan, hashPassword, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Tx } from "@/lib/platform/db";
import { generatePassword } from "./generate-password";
import { inTransaction, auditAdmin, type AdminCtx } from "./admin-context";
import { OFFICER_ROLES, ZCreateOfficerInput, type TCreateOfficerInput } from "./officer-schemas";

/** The organisation an officer is placed in must exist and be active. */
export async function requireActiveOrganisation(tx: Tx, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, active: true } });
  if (!org) throw new DomainError("admin.organisation_not_found", { fieldErrors: { organisationId: "admin.organisation_not_found" } });
  if (!org.active) throw new DomainError("admin.organisation_inactive", { fieldErrors: { organisationId: "admin.organisation_inactive" } });
  return org;
}

/**
 * Creates a staff account. The initial password is either typed by the administrator or generated
 * here and returned once (only its bcrypt hash is stored; it never reaches the audit row).
 */
export async function createOfficer(db: DbOrTx, actor: Actor, raw: TCreateOfficerInput, ctx: AdminCtx): Promise<{ id: string; login: string; generatedPassword: string | null }> {
  assertCan(actor, "admin.users");
  const input = ZCreateOfficerInput.parse(raw);
  const generatedPassword = input.passwordMode === "generate" ? generatePassword() : null;
  const passwordHash = await hashPassword(generatedPassword ?? input.password!);
  const user = await inTransaction(db, async (tx) => {
    if (await tx.user.findUnique({ where: { login: input.login }, select: { id: true } }))
      throw new DomainError("admin.login_taken", { fieldErrors: { login: "admin.login_taken" } });
    // One person, one active staff account: decisions are signed with the certificate of this IIN.
    if (await tx.user.findFirst({ where: { iin: input.iin, active: true, role: { in: [...OFFICER_ROLES] } }, select: { id: true } }))
      throw new DomainError("admin.iin_taken", { fieldErrors: { iin: "admin.iin_taken" } });
    if (input.organisationId) await requireActiveOrganisation(tx, input.organisationId);
    const created = await tx.user.create({
      data: {
        login: input.login,
        passwordHash,
        role: input.role,
        surname: input.surname,
        givenName: input.givenName,
        patronymic: input.patronymic,
        iin: input.iin,
        email: input.email,
        phone: input.phone,
        position: input.position,
        organisationId: input.organisationId ?? null,
        canSign: input.canSign,
        supervisorScope: input.supervisorScope ?? null,
      },
      select: { id: true, login: true },
    });
    await auditAdmin(tx, actor, ctx, {
      type: "admin.user_created",
      entityType: "user",
      entityId: created.id,
      organisationId: input.organisationId ?? null,
      data: {
        login: input.login,
        role: input.role,
        canSign: input.canSign,
        supervisorScope: input.supervisorScope ?? null,
        passwordMode: input.passwordMode,
      },
    });
    return created;
  }).catch((e: unknown) => {
    // Two administrators creating the same login at once: the unique index decides.
    if ((e as { code?: unknown })?.code === "P2002") throw new DomainError("admin.login_taken", { fieldErrors: { login: "admin.login_taken" } });
    throw e;
  });
  return { id: user.id, login: user.login, generatedPassword };
}
