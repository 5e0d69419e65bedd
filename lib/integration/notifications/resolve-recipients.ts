import { Prisma, type DbOrTx, type Role } from "@/lib/platform/db";

/**
 * Who should receive a notification, in the terms a use case knows (the same shapes as the
 * workflow's notify effects, with the applicant named by its subject).
 */
export type Recipient =
  | { kind: "subject"; subjectId: string }
  | { kind: "user"; userId: string }
  | { kind: "role"; role: Role; organisationId: string }
  | { kind: "supervisors"; organisationId: string };

/**
 * Who a recipient is, as SQL over `"User" u` joined with its organisation `uo`: the one place the
 * rules live (the single and the batched resolution below both use it).
 */
function conditionOf(r: Recipient): Prisma.Sql {
  switch (r.kind) {
    case "subject":
      return Prisma.sql`(u."subjectId" = ${r.subjectId} AND u."role" = 'APPLICANT')`;
    case "user":
      return Prisma.sql`(u."id" = ${r.userId})`;
    case "role":
      return Prisma.sql`(u."role" = ${r.role}::"Role" AND u."organisationId" = ${r.organisationId})`;
    case "supervisors":
      // Supervisors of the whole country, of the organisation's region, or of the organisation
      // itself (no scope = their own organisation); none when the organisation does not exist.
      return Prisma.sql`(u."role" = 'SUPERVISOR' AND EXISTS (SELECT 1 FROM "Organisation" WHERE "id" = ${r.organisationId}) AND (
        u."supervisorScope" = 'ALL'
        OR (u."supervisorScope" = 'REGION' AND uo."region" = (SELECT "region" FROM "Organisation" WHERE "id" = ${r.organisationId}))
        OR ((u."supervisorScope" = 'ORGANISATION' OR u."supervisorScope" IS NULL) AND u."organisationId" = ${r.organisationId})))`;
  }
}

/**
 * Active user ids for each of several recipients, ordered by id, in one query (an inactive
 * account gets nothing). Issue 14: a workflow command's notices resolve their recipients at once.
 */
export async function resolveRecipientsMany(db: DbOrTx, recipients: readonly Recipient[]): Promise<string[][]> {
  const out = recipients.map((): string[] => []);
  if (!recipients.length) return out;
  const conditions = recipients.map(conditionOf);
  const rows = await db.$queryRaw<{ id: string; matched: number[] }[]>`
    SELECT u."id", array_remove(ARRAY[${Prisma.join(conditions.map((c, i) => Prisma.sql`CASE WHEN ${c} THEN ${i}::int END`))}], NULL) AS "matched"
    FROM "User" u LEFT JOIN "Organisation" uo ON uo."id" = u."organisationId"
    WHERE u."active" AND (${Prisma.join(conditions, " OR ")})
    ORDER BY u."id"`;
  for (const row of rows) for (const i of row.matched) out[i]!.push(row.id);
  return out;
}

/** Active user ids for a recipient (an inactive account gets nothing). */
export async function resolveRecipients(db: DbOrTx, recipient: Recipient): Promise<string[]> {
  return (await resolveRecipientsMany(db, [recipient]))[0]!;
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
