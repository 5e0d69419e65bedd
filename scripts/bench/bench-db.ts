// Shared by the benchmarks: a throw-away database on BENCH_DATABASE_URL's server (unset: the
// embedded PostgreSQL, see bench-server.ts), migrated and loaded with the real reference data;
// dropped at the end (and the embedded server stopped).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { createDb, type Db } from "@/lib/platform/db";
import { benchServer, progress } from "./bench-server";
import { seedCalendarYears, syncCatalogueAndOrganisations, syncRegulations } from "../../prisma/seed/reference-data";

export async function createBenchDb(name: string): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const bench = await benchServer();
  const server = bench.url;
  const admin = new URL(server);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`drop database if exists "${name}" with (force)`);
  await c.query(`create database "${name}"`);
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  progress(`database ${name} on ${admin.host}: migrating …`);
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: u.toString() }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  const db = createDb(u.toString());
  progress("loading the reference data (catalogue, organisations, calendar, regulations) …");
  await syncCatalogueAndOrganisations(db);
  await seedCalendarYears(db);
  await syncRegulations(db);
  return {
    db,
    url: u.toString(),
    drop: async () => {
      await db.$disconnect();
      if (!process.env.BENCH_KEEP_DB) {
        const d = new pg.Client({ connectionString: admin.toString() });
        await d.connect();
        await d.query(`drop database if exists "${name}" with (force)`);
        await d.end();
      }
      await bench.stop();
    },
  };
}

export { progress };

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measure(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up (plans, caches)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
