import { Prisma, type Tx } from "@/lib/platform/db";
import { resolveRecipients as resolveUsers, type Recipient } from "@/lib/integration/notifications";
import type { TNotifyRecipient } from "@/lib/law/workflow";

/** The workflow's recipient in the notification module's terms (the applicant is the application's subject). */
function toRecipient(recipient: TNotifyRecipient, app: { subjectId: string }): Recipient {
  return recipient.kind === "applicant" ? { kind: "subject", subjectId: app.subjectId } : recipient;
}

/** Who a workflow notification goes to, as active user ids: the one resolver of lib/integration/notifications. */
export function resolveRecipients(tx: Tx, recipient: TNotifyRecipient, app: { subjectId: string }): Promise<string[]> {
  return resolveUsers(tx, toRecipient(recipient, app));
}

type UserRow = { id: string; subjectId: string | null; role: string; organisationId: string | null };

/** The users `resolveUsers` would return for a recipient of the simple kinds, from candidate rows. */
function matches(r: Exclude<Recipient, { kind: "supervisors" }>, u: UserRow): boolean {
  switch (r.kind) {
    case "subject":
      return u.subjectId === r.subjectId && u.role === "APPLICANT";
    case "user":
      return u.id === r.userId;
    case "role":
      return u.role === r.role && u.organisationId === r.organisationId;
  }
}

/**
 * The recipients of several notices of one command at once (issue 14: one query, not one per
 * notice). Same rules as `resolveRecipients` (active users, ordered by id); supervisors, which
 * need the organisation's region, are resolved on their own.
 */
export async function resolveRecipientsOnce(tx: Tx, recipients: readonly TNotifyRecipient[], app: { subjectId: string }): Promise<string[][]> {
  const mapped = recipients.map((r) => toRecipient(r, app));
  const simple = mapped.filter((r): r is Exclude<Recipient, { kind: "supervisors" }> => r.kind !== "supervisors");
  const candidates = simple.length ? await activeUsersMatching(tx, simple) : [];
  const out: string[][] = [];
  for (const r of mapped) out.push(r.kind === "supervisors" ? await resolveUsers(tx, r) : candidates.filter((u) => matches(r, u)).map((u) => u.id));
  return out;
}

/** The SQL condition of one simple recipient (the `where` of `resolveUsers` for its kind). */
function conditionOf(r: Exclude<Recipient, { kind: "supervisors" }>): Prisma.Sql {
  switch (r.kind) {
    case "subject":
      return Prisma.sql`("subjectId" = ${r.subjectId} AND "role" = 'APPLICANT')`;
    case "user":
      return Prisma.sql`("id" = ${r.userId})`;
    case "role":
      return Prisma.sql`("role" = ${r.role}::"Role" AND "organisationId" = ${r.organisationId})`;
  }
}

/** Active users matching any of the recipients, ordered by id (raw: a fixed statement of every command, issue 14). */
function activeUsersMatching(tx: Tx, recipients: readonly Exclude<Recipient, { kind: "supervisors" }>[]): Promise<UserRow[]> {
  return tx.$queryRaw<UserRow[]>`
    SELECT "id", "subjectId", "role"::text AS "role", "organisationId" FROM "User"
    WHERE "active" AND (${Prisma.join(recipients.map(conditionOf), " OR ")})
    ORDER BY "id"`;
}
