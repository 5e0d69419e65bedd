import type { Tx } from "@/lib/platform/db";
import { resolveRecipientsMany, type Recipient } from "@/lib/integration/notifications";
import type { TNotifyRecipient } from "@/lib/law/workflow";

/** The workflow's recipient in the notification module's terms (the applicant is the application's subject). */
function toRecipient(recipient: TNotifyRecipient, app: { subjectId: string }): Recipient {
  return recipient.kind === "applicant" ? { kind: "subject", subjectId: app.subjectId } : recipient;
}

/** Who each of several notices of one command goes to, as active user ids, in one query (lib/integration/notifications). */
export function resolveRecipientsOnce(tx: Tx, recipients: readonly TNotifyRecipient[], app: { subjectId: string }): Promise<string[][]> {
  return resolveRecipientsMany(tx, recipients.map((r) => toRecipient(r, app)));
}
