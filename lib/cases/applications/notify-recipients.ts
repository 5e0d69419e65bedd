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
