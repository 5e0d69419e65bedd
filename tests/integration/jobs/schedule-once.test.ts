import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bossOptions, JOB_NAMES, startWorkers, type JobHandlers, type JobName } from "@/lib/platform/jobs";
import { createTestDb, type TestDb } from "../../support/test-db";

// Three portal instances' job runners on one database, as `npm run cluster` runs them. The cron
// checks run every second here (30 s in production) so that every instance gets many chances to
// create a tick's job twice.
let t: TestDb;
const instances: PgBoss[] = [];
const startedAt = new Date();
/** Every run of a handler: which instance, which job, when. */
const runs: { instance: number; name: JobName; at: Date }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  for (let i = 0; i < 3; i++) {
    const boss = new PgBoss(bossOptions(t.url, { max: 2, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 }));
    boss.on("error", () => undefined);
    await boss.start();
    // The production wiring (schedules and workers from JOBS); the handlers only record their runs.
    const handlers = Object.fromEntries(JOB_NAMES.map((name) => [name, async () => void runs.push({ instance: i, name, at: new Date() })])) as unknown as JobHandlers;
    await startWorkers(handlers, t.url, { boss });
    instances.push(boss);
  }
}, 60_000);
afterAll(async () => {
  for (const boss of instances) await boss.stop({ graceful: false, wait: true });
  await t?.drop();
});

type Row = { name: string; minute: Date; n: number; failed: number; completed: number };
/** Jobs of the every-minute queues created since the start, per queue and minute (a tick's job is created within its minute). */
const jobsPerTick = () =>
  t.db.$queryRawUnsafe<Row[]>(
    `SELECT name, date_trunc('minute', created_on) AS minute, count(*)::int AS n,
            count(*) FILTER (WHERE state = 'failed')::int AS failed, count(*) FILTER (WHERE state = 'completed')::int AS completed
       FROM (SELECT name, state, created_on FROM pgboss.job UNION ALL SELECT name, state, created_on FROM pgboss.archive) j
      WHERE name IN ('deadline.sweep', 'notifications.deliver_emails') AND created_on >= $1
      GROUP BY 1, 2 ORDER BY 2, 1`,
    startedAt,
  );

describe("timed jobs with three instances", () => {
  it("run every minute's jobs exactly once per tick", async () => {
    // Wait for the next minute's tick to be created and worked by one of the instances, then give
    // every instance a few more cron checks (one a second) in which a duplicate would appear.
    const deadline = Date.now() + 100_000;
    let rows: Row[] = [];
    while (Date.now() < deadline) {
      rows = await jobsPerTick();
      if (rows.filter((r) => r.completed > 0).length >= 2) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 8000));
    rows = await jobsPerTick();
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(["deadline.sweep", "notifications.deliver_emails"]));
    for (const r of rows) expect({ name: r.name, minute: r.minute, jobs: r.n, failed: r.failed }).toEqual({ name: r.name, minute: r.minute, jobs: 1, failed: 0 });
    // And each job ran once: one handler run per job created, on whichever instance fetched it.
    for (const name of ["deadline.sweep", "notifications.deliver_emails"] as const) {
      expect(runs.filter((r) => r.name === name).length, name).toBe(rows.filter((r) => r.name === name && r.completed > 0).length);
    }
  }, 130_000);
});
