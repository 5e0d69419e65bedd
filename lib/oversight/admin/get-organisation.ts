import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { readHours } from "./hours";

export const OPEN_STATUSES = ["SUBMITTED", "IN_PROGRESS", "SUSPENDED", "DEEMED_ISSUED"] as const;

/** One organisation for its admin page, with staff and open-application counts. */
export async function getOrganisationForAdmin(db: DbOrTx, actor: Actor, id: string) {
  assertCan(actor, "admin.organisations");
  const org = await db.organisation.findUnique({ where: { id } });
  if (!org) throw new DomainError("errors.not_found");
  const [activeStaff, inactiveStaff, openApplications] = await Promise.all([
    db.user.count({ where: { organisationId: id, active: true } }),
    db.user.count({ where: { organisationId: id, active: false } }),
    db.application.count({ where: { organisationId: id, status: { in: [...OPEN_STATUSES] } } }),
  ]);
  return {
    ...org,
    workingHours: readHours(org.workingHours),
    receptionHours: org.receptionHours === null ? null : readHours(org.receptionHours),
    activeStaff,
    inactiveStaff,
    openApplications,
  };
}
