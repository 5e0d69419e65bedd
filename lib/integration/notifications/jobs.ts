import type { Db } from "@/lib/platform/db";
import { deliverPendingEmails } from "./deliver-pending-emails";
import type { MailTransport } from "./mailer";
import { notifyExpiringLicences } from "./notify-expiring-licences";

export type NotificationJobDeps = { db: Db; transport: MailTransport; now: Date };

/**
 * What the notification jobs run (their schedules are data in lib/platform/jobs/definitions.ts).
 * Safe to run concurrently and to repeat: every job is idempotent.
 */
export const NOTIFICATION_JOBS = {
  "notifications.deliver_emails": ({ db, transport, now }: NotificationJobDeps) => deliverPendingEmails(db, transport, { now }),
  "notifications.licences_expiring": ({ db, now }: NotificationJobDeps) => notifyExpiringLicences(db, { now }),
} as const;
