import type { PoolConfig } from "pg";

/**
 * Split DATABASE_URL into parts: with a bare connection string the adapter's shadow database
 * would silently connect to the main database (node-postgres lets the URL win over `database`).
 */
export function poolConfigFromUrl(url: string | undefined): PoolConfig {
  if (!url) throw new Error("DATABASE_URL is not set: point it at a PostgreSQL database, or start the portal with `npm start`, which runs an embedded PostgreSQL.");
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
  const socketHost = u.searchParams.get("host");
  return {
    host: socketHost ?? decodeURIComponent(u.hostname || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}
