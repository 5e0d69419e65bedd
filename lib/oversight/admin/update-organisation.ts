import canonicalize from "canonicalize";
import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import { inTransaction, isStale, auditAdmin, changeSet, type AdminCtx } from "./admin-context";
import { ZUpdateOrganisationInput, type TUpdateOrganisationInput } from "./organisation-schemas";

const FIELDS = ["nameKk", "nameRu", "nameEn", "addressKk", "addressRu", "addressEn", "phone", "email", "workingHours", "receptionHours"] as const;

/**
 * Names, address, contacts, working and reception hours of an organisation. The calendar cache
 * is keyed on `updatedAt`, so deadlines computed after this use the new hours; running
 * applications keep the due instants already computed.
 */
export async function updateOrganisation(db: DbOrTx, actor: Actor, raw: TUpdateOrganisationInput, ctx: AdminCtx) {
  assertCan(actor, "admin.organisations");
  const input = ZUpdateOrganisationInput.parse(raw);
  return inTransaction(db, async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError("errors.not_found");
    if (isStale(input.expectedUpdatedAt, before.updatedAt)) throw new DomainError("admin.stale");
    const after = {
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      nameEn: input.nameEn,
      addressKk: input.addressKk,
      addressRu: input.addressRu,
      addressEn: input.addressEn,
      phone: input.phone,
      email: input.email,
      workingHours: input.workingHours,
      receptionHours: input.receptionHours,
    };
    // Compare-and-swap on updatedAt: an edit committed between our read and write is refused, not overwritten.
    const n = await tx.organisation.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: { ...after, receptionHours: after.receptionHours ?? Prisma.DbNull },
    });
    if (n.count !== 1) throw new DomainError("admin.stale");
    // Canonical JSON: the hours come back from jsonb with their keys reordered.
    const changed = FIELDS.filter((f) => canonicalize(before[f] ?? null) !== canonicalize(after[f] ?? null));
    await auditAdmin(tx, actor, ctx, {
      type: "admin.organisation_updated",
      entityType: "organisation",
      entityId: before.id,
      organisationId: before.id,
      data: changeSet(before, after, changed),
    });
    return { id: before.id, changed };
  });
}
