import type { DbOrTx, Prisma, Role } from "@/lib/platform/db";

/**
 * Who should receive a notification, in the terms a use case knows (the same shapes as the
 * workflow's notify effects, with the applicant named by its subject).
 */
export type Recipient =
  | { kind: "subject"; subjectId: string }
  | { kind: "user"; userId: string }
  | { kind: "role"; role: Role; organisationId: string }
  | { kind: "supervisors"; organisationId: string };

/** Active user ids for a recipient (an inactive account gets nothing). */
export async function resolveRecipients(db: DbOrTx, recipient: Recipient): Promise<string[]> {
  let where: Prisma.UserWhereInput;
  switch (recipient.kind) {
    case "subject":
      where = { subjectId: recipient.subjectId, role: "APPLICANT" };
      break;
    case "user":
      where = { id: recipient.userId };
      break;
    case "role":
      where = { role: recipient.role, organisationId: recipient.organisationId };
      break;
    case "supervisors": {
      const org = await db.organisation.findUnique({ where: { id: recipient.organisationId }, select: { region: true } });
      if (!org) return [];
      where = {
        role: "SUPERVISOR",
        OR: [
          { supervisorScope: "ALL" },
          { supervisorScope: "REGION", organisation: { region: org.region } },
          { supervisorScope: { in: ["ORGANISATION"] }, organisationId: recipient.organisationId },
          { supervisorScope: null, organisationId: recipient.organisationId },
        ],
      };
      break;
    }
  }
  const users = await db.user.findMany({ where: { AND: [where, { active: true }] }, select: { id: true }, orderBy: { id: "asc" } });
  return users.map((u) => u.id);
}

/** Active applicant users of many subjects at once (one query for a whole sweep). */
export async function resolveSubjectRecipients(db: DbOrTx, subjectIds: readonly string[]): Promise<Map<string, string[]>> {
  const bySubject = new Map<string, string[]>();
  if (subjectIds.length === 0) return bySubject;
  const users = await db.user.findMany({
    where: { subjectId: { in: [...new Set(subjectIds)] }, role: "APPLICANT", active: true },
    select: { id: true, subjectId: true },
    orderBy: { id: "asc" },
  });
  for (const u of users) bySubject.set(u.subjectId!, [...(bySubject.get(u.subjectId!) ?? []), u.id]);
  return bySubject;
}
