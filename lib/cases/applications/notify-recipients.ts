import type { Tx } from "@/lib/platform/db";
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
  const candidates: UserRow[] = simple.length
    ? await tx.user.findMany({
        where: {
          active: true,
          OR: simple.map((r) =>
            r.kind === "subject" ? { subjectId: r.subjectId, role: "APPLICANT" as const } : r.kind === "user" ? { id: r.userId } : { role: r.role, organisationId: r.organisationId },
          ),
        },
        select: { id: true, subjectId: true, role: true, organisationId: true },
        orderBy: { id: "asc" },
      })
    : [];
  const out: string[][] = [];
  for (const r of mapped) out.push(r.kind === "supervisors" ? await resolveUsers(tx, r) : candidates.filter((u) => matches(r, u)).map((u) => u.id));
  return out;
}
