import type PgBoss from "pg-boss";
import { isDomainError } from "@/lib/platform/core";
import { getDb, type Db } from "@/lib/platform/db";
import { logger } from "@/lib/platform/log";
import { getBoss } from "./boss";
import { JOBS } from "./definitions";

/**
 * Starts the job workers in this process (the Next.js server calls it from instrumentation.ts).
 * Handlers import their use cases lazily so that enqueueing never loads them. Every instance
 * runs them; see `bossOptions` for why each scheduled job still runs once per tick.
 */
export async function startWorkers(url = process.env.DATABASE_URL, deps: { boss?: PgBoss; db?: Db } = {}) {
  const boss = deps.boss ?? (await getBoss(url));
  const db = deps.db ?? getDb();

  await boss.work<{ applicationId: string; command: Record<string, unknown> }>("workflow.command", async ([job]) => {
    if (!job) return;
    const { applicationId, command } = JOBS["workflow.command"].payload.parse(job.data);
    const [{ executeCommand }, { NOTHING_TO_DO }, { systemActor }] = await Promise.all([import("@/lib/cases/applications"), import("@/lib/cases/deadline-sweep"), import("@/lib/platform/auth")]);
    try {
      await executeCommand(db, { actor: systemActor("deadline"), applicationId, command: command as never, now: new Date() });
    } catch (e) {
      if (isDomainError(e) && NOTHING_TO_DO.has(e.code)) return; // the state moved on: nothing to do
      throw e;
    }
  });

  await boss.schedule("deadline.sweep", JOBS["deadline.sweep"].cron, {}, { tz: "Asia/Almaty" });
  await boss.work("deadline.sweep", async () => {
    const { sweepDeadlines } = await import("@/lib/cases/deadline-sweep");
    const r = await sweepDeadlines(db, { now: new Date() });
    if (r.reclassified || r.overallDeadlines) logger.info(r, "deadline sweep");
  });
  await boss.schedule("alerts.on_time", JOBS["alerts.on_time"].cron, {}, { tz: "Asia/Almaty" });
  await boss.work("alerts.on_time", async () => {
    const { checkOnTimeAlerts } = await import("@/lib/oversight/metrics");
    await checkOnTimeAlerts(db, { now: new Date() });
  });

  await boss.schedule("reminders.applicant_tasks", JOBS["reminders.applicant_tasks"].cron, {}, { tz: "Asia/Almaty" });
  await boss.work("reminders.applicant_tasks", async () => {
    const { remindApplicantTasks } = await import("@/lib/cases/applications");
    const r = await remindApplicantTasks(db, { now: new Date() });
    if (r.paymentDue || r.correctionPending) logger.info(r, "applicant reminders");
  });

  const { NOTIFICATION_JOBS, createMailTransportFromEnv } = await import("@/lib/integration/notifications");
  const transport = createMailTransportFromEnv();
  for (const job of NOTIFICATION_JOBS) {
    await boss.schedule(job.name, job.cron, {}, { tz: job.tz });
    await boss.work(job.name, async () => {
      await job.run({ db, transport, now: new Date() });
    });
  }
  logger.info("job workers started");
}
