// The PostgreSQL server of the benchmarks: BENCH_DATABASE_URL when set, else the embedded one
// (like `npm start` and `npm test`), with its own data folder .data/pg-bench and port
// EMBEDDED_PG_BENCH_PORT (default 54332). Progress lines carry the time of day.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EmbeddedDbError, startEmbeddedPostgres } from "../embedded-db.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function progress(msg: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

let server: Promise<{ url: string; stop: () => Promise<void> }> | null = null;

/** The admin URL (database `postgres`) of the benchmark server; starts the embedded one once. */
export function benchServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return Promise.resolve({ url: process.env.BENCH_DATABASE_URL, stop: async () => {} });
  server ??= (async () => {
    progress("BENCH_DATABASE_URL is not set: starting the embedded PostgreSQL …");
    try {
      return await startEmbeddedPostgres({
        dataDir: process.env.EMBEDDED_PG_BENCH_DATA_DIR ? path.resolve(process.env.EMBEDDED_PG_BENCH_DATA_DIR) : path.join(root, ".data", "pg-bench"),
        port: Number(process.env.EMBEDDED_PG_BENCH_PORT ?? 54332),
        database: "postgres",
        log: progress,
        portVar: "EMBEDDED_PG_BENCH_PORT",
        dataVar: "EMBEDDED_PG_BENCH_DATA_DIR",
      });
    } catch (e) {
      if (e instanceof EmbeddedDbError) {
        console.error(e.message);
        process.exit(1);
      }
      throw e;
    }
  })();
  return server;
}

/** Runs a benchmark, prints the load average at its end (the machine may be shared: compare runs at a similar load) and exits. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    async () => {
      const { loadavg } = await import("node:os");
      console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
