import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { OPEN_STATUSES } from "./get-organisation";
import { OFFICER_ROLES } from "./officer-schemas";
import { officerRowSelect } from "./list-officers";

/** Applications waiting for this officer: they must be reassigned before a move or a role change. */
export function countOpenAssignments(db: DbOrTx, userId: string) {
  return db.application.count({ where: { assigneeId: userId, status: { in: [...OPEN_STATUSES] } } });
}

/** One staff account for its admin page (no password hash). */
export async function getOfficer(db: DbOrTx, actor: Actor, id: string) {
  assertCan(actor, "admin.users");
  const user = await db.user.findFirst({
    where: { id, role: { in: [...OFFICER_ROLES] } },
    select: {
      ...officerRowSelect,
      iin: true,
      email: true,
      phone: true,
      position: true,
      organisationId: true,
      createdAt: true,
      updatedAt: true,
      organisation: { select: { ...officerRowSelect.organisation.select, active: true } },
    },
  });
  if (!user) throw new DomainError("errors.not_found");
  return { ...user, openAssignments: await countOpenAssignments(db, id) };
}
