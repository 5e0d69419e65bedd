import type { Db } from "@/lib/platform/db";
import { TIME_ZONE } from "@/lib/platform/i18n";
import { deliverPendingEmails } from "./deliver-pending-emails";
import type { MailTransport } from "./mailer";
import { notifyExpiringLicences } from "./notify-expiring-licences";

export type NotificationJobDeps = { db: Db; transport: MailTransport; now: Date };

export type NotificationJob = {
  /** Queue name for pg-boss (`createQueue(name)`, `schedule(name, cron, null, { tz })`, `work(name, …)`). */
  name: string;
  /** Cron expression, read in `tz`. */
  cron: string;
  tz: string;
  description: string;
  /** Safe to run concurrently and to repeat: every job is idempotent. */
  run: (deps: NotificationJobDeps) => Promise<unknown>;
};

/** What the timed-job runner schedules for notifications. */
export const NOTIFICATION_JOBS: readonly NotificationJob[] = [
  {
    name: "notifications.deliver_emails",
    cron: "* * * * *",
    tz: TIME_ZONE,
    description: "Send the e-mail copy of committed notifications (50 per run, each exactly once).",
    run: ({ db, transport, now }) => deliverPendingEmails(db, transport, { now }),
  },
  {
    name: "notifications.licences_expiring",
    cron: "0 9 * * *",
    tz: TIME_ZONE,
    description: "Tell holders once that an active licence ends within 30 days (daily at 09:00 Almaty time).",
    run: ({ db, now }) => notifyExpiringLicences(db, { now }),
  },
];
