import PgBoss from "pg-boss";
import { logger } from "@/lib/platform/log";
import { JOB_NAMES, JOBS } from "./definitions";

export const BOSS_SCHEMA = "pgboss";

/**
 * How every instance runs pg-boss. With several instances each one checks the schedules, but
 * pg-boss lets one instance per interval do it and creates each cron tick's job once (a
 * singleton per queue and minute), and a job is fetched by one worker (SKIP LOCKED): a scheduled
 * job runs once per tick across the instances (tests/integration/jobs/schedule-once.test.ts).
 */
export function bossOptions(url: string, overrides: Partial<PgBoss.ConstructorOptions> = {}): PgBoss.ConstructorOptions {
  return { connectionString: url, schema: BOSS_SCHEMA, max: 3, supervise: true, schedule: true, ...overrides };
}

const globalForBoss = globalThis as unknown as { __boss?: Map<string, Promise<PgBoss>> };

/**
 * One pg-boss instance per database URL and process. Jobs live in PostgreSQL (schema `pgboss`),
 * so no Redis is needed; `start()` creates the schema and every queue on first use.
 */
export function getBoss(url = process.env.DATABASE_URL): Promise<PgBoss> {
  if (!url) throw new Error("DATABASE_URL is not set");
  globalForBoss.__boss ??= new Map();
  let boss = globalForBoss.__boss.get(url);
  if (!boss) {
    boss = (async () => {
      const b = new PgBoss(bossOptions(url));
      b.on("error", (err) => logger.error({ err }, "pg-boss error"));
      await b.start();
      return b;
    })();
    globalForBoss.__boss.set(url, boss);
  }
  return boss;
}

export async function stopBoss(url = process.env.DATABASE_URL) {
  const boss = url ? globalForBoss.__boss?.get(url) : undefined;
  if (!boss || !url) return;
  globalForBoss.__boss!.delete(url);
  await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}

/** Creates the pg-boss schema and every queue in the database of `url` (idempotent). */
export async function prepareJobSchema(url: string) {
  const b = new PgBoss({ connectionString: url, schema: BOSS_SCHEMA, max: 1, supervise: false, schedule: false });
  await b.start();
  try {
    for (const name of JOB_NAMES) {
      if (!(await b.getQueue(name))) await b.createQueue(name, { name, policy: "standard", retryLimit: JOBS[name].retryLimit });
    }
  } finally {
    await b.stop({ graceful: false, wait: true });
  }
}
