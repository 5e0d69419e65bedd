// Node CPU per SQL statement inside one interactive transaction, three ways (issue 14): a Prisma model call,
// Prisma's `$queryRaw` (tagged template), and the plain `pg` client the adapter uses underneath. The floor under
// the write path's CPU per operation is (statements × the cost of the way they are sent).
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/statement-cost.ts
//
// Variables: BENCH_STATEMENTS (per way and round, default 400).
import pg from "pg";
import { runBench } from "./bench-server";
import { createBenchDb } from "./bench-db";

const N = Number(process.env.BENCH_STATEMENTS ?? 400);

/** Node CPU (user + system) per statement while `fn` sends N of them. */
async function cpuPerStatement(fn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / N;
}

async function main() {
  const { db, url, drop } = await createBenchDb("bench_statement_cost");
  try {
    for (let round = 1; round <= 2; round++) {
      const model = await cpuPerStatement(() =>
        db.$transaction(async (tx) => {
          for (let i = 0; i < N; i++) await tx.user.findFirst({ where: { id: String(i) }, select: { id: true } });
        }, { timeout: 120_000 }),
      );
      const raw = await cpuPerStatement(() =>
        db.$transaction(async (tx) => {
          for (let i = 0; i < N; i++) await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${String(i)}`;
        }, { timeout: 120_000 }),
      );
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const plain = await cpuPerStatement(async () => {
        await client.query("BEGIN");
        for (let i = 0; i < N; i++) await client.query({ text: `SELECT "id" FROM "User" WHERE "id" = $1`, values: [String(i)] });
        await client.query("COMMIT");
      });
      await client.end();
      console.log(`round ${round}: Node CPU per statement — Prisma model call ${model.toFixed(3)} ms, Prisma $queryRaw ${raw.toFixed(3)} ms, plain pg ${plain.toFixed(3)} ms`);
    }
  } finally {
    await drop();
  }
}

runBench(main);
