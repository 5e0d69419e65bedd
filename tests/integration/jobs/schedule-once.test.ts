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

type Row = { name: string; ticks: number; distinctTicks: number; completedTicks: number; jobs: number; failed: number; completed: number };
/**
 * Per every-minute queue since the start: pg-boss's ticks (the `__pgboss__send-it` job its cron check
 * creates once per queue and minute, keyed by `singleton_on`), and the queue's own jobs, which the tick's
 * handler creates — possibly in a later minute on a busy machine, so the jobs are counted per tick, not
 * per minute of creation.
 */
const perQueue = () =>
  t.db.$queryRawUnsafe<Row[]>(
    `WITH j AS (SELECT name, state, created_on, singleton_key, singleton_on FROM pgboss.job WHERE created_on >= $1
                UNION ALL SELECT name, state, created_on, singleton_key, singleton_on FROM pgboss.archive WHERE created_on >= $1),
          tick AS (SELECT * FROM j WHERE name = '__pgboss__send-it')
     SELECT q.name,
            (SELECT count(*)::int FROM tick WHERE singleton_key = q.name) AS ticks,
            (SELECT count(DISTINCT singleton_on)::int FROM tick WHERE singleton_key = q.name) AS "distinctTicks",
            (SELECT count(*)::int FROM tick WHERE singleton_key = q.name AND state = 'completed') AS "completedTicks",
            (SELECT count(*)::int FROM j WHERE j.name = q.name) AS jobs,
            (SELECT count(*)::int FROM j WHERE j.name = q.name AND state = 'failed') AS failed,
            (SELECT count(*)::int FROM j WHERE j.name = q.name AND state = 'completed') AS completed
       FROM (VALUES ('deadline.sweep'), ('notifications.deliver_emails')) q(name)
      ORDER BY 1`,
    startedAt,
  );

describe("timed jobs with three instances", () => {
  it("run every minute's jobs exactly once per tick", async () => {
    // Wait for two ticks' jobs of each queue to be worked by the instances, then give every instance
    // a few more cron checks (one a second) in which a duplicate would appear.
    const deadline = Date.now() + 100_000;
    let rows: Row[] = [];
    while (Date.now() < deadline) {
      rows = await perQueue();
      if (rows.every((r) => r.completed >= 2)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 8000));
    rows = await perQueue();
    for (const r of rows) {
      expect(r.completed, r.name).toBeGreaterThanOrEqual(2);
      // One tick per queue and minute, whichever instance's check came first …
      expect(r.ticks, r.name).toBe(r.distinctTicks);
      // … and one job per tick: never more jobs than ticks, none missing for a tick already handled.
      expect(r.jobs, r.name).toBeLessThanOrEqual(r.ticks);
      expect(r.jobs, r.name).toBeGreaterThanOrEqual(r.completedTicks);
      expect(r.failed, r.name).toBe(0);
      // And each job ran once, on whichever instance fetched it: a run for every completed job, never
      // more runs than jobs (one may be between its run and its completion as the rows are read).
      const ran = runs.filter((run) => run.name === r.name).length;
      expect(ran, r.name).toBeGreaterThanOrEqual(r.completed);
      expect(ran, r.name).toBeLessThanOrEqual(r.jobs);
    }
  }, 130_000);
});
