import type PgBoss from "pg-boss";
import { getBoss } from "./boss";
import { JOB_NAMES, JOB_TIME_ZONE, JOBS, type JobName, type JobPayload } from "./definitions";
import { logger } from "@/lib/platform/log";

/** What runs each job; the composition root (app/_server/job-handlers.ts) wires them to use cases. */
export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>) => Promise<void> };

/**
 * Starts the job workers in this process (the Next.js server calls it from instrumentation.ts):
 * periodic jobs are scheduled from their cron in JOBS (pg-boss keeps one schedule per name, so
 * several instances share it), and every queue gets its handler. Every instance runs them; see
 * `bossOptions` for why each scheduled job still runs once per tick. `deps.boss`: tests start
 * several pg-boss instances in one process.
 */
export async function startWorkers(handlers: JobHandlers, url = process.env.DATABASE_URL, deps: { boss?: PgBoss } = {}) {
  const boss = deps.boss ?? (await getBoss(url));
  for (const name of JOB_NAMES) {
    const def = JOBS[name];
    if ("cron" in def) await boss.schedule(name, def.cron, {}, { tz: JOB_TIME_ZONE });
    await boss.work(name, async ([job]) => {
      if (!job) return;
      const payload = def.payload.parse(job.data) as JobPayload<typeof name>;
      await (handlers[name] as (p: typeof payload) => Promise<void>)(payload);
    });
  }
  logger.info("job workers started");
}
