import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/platform/db";
import { bossOptions } from "@/lib/platform/jobs";
// The worker wiring itself (the index does not export it, so that enqueueing never loads handlers).
import { startWorkers } from "@/lib/platform/jobs/worker";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";

// Three portal instances' job runners on one database, as `npm run cluster` runs them. The cron
// checks run every second here (30 s in production) so that every instance gets many chances to
// create a tick's job twice.
let t: TestDb;
const instances: { boss: PgBoss; db: Db }[] = [];
const startedAt = new Date();

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  for (let i = 0; i < 3; i++) {
    const boss = new PgBoss(bossOptions(t.url, { max: 2, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 }));
    boss.on("error", () => undefined);
    await boss.start();
    const db = createDb(t.url);
    await startWorkers(t.url, { boss, db });
    instances.push({ boss, db });
  }
}, 60_000);
afterAll(async () => {
  for (const { boss, db } of instances) {
    await boss.stop({ graceful: false, wait: true });
    await db.$disconnect();
  }
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
  }, 130_000);
});
