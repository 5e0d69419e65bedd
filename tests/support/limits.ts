import pg from "pg";
import { createLimiter, type SharedLimiter } from "@/lib/platform/limits";

export type TestLimits = {
  /** A shared limiter over the test database (its own pool: another "instance"). */
  limiter: (name: string, limit: number, windowSeconds?: number) => SharedLimiter;
  /** Closes the pool (before the database is dropped). */
  close: () => Promise<void>;
};

/** Limiters over the database at `url`, the same PostgreSQL store the portal uses. */
export function testLimits(url: string): TestLimits {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => undefined);
  return {
    limiter: (name, limit, windowSeconds = 60) => createLimiter(pool, { name, limit, windowSeconds }),
    close: () => pool.end(),
  };
}
