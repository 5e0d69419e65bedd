#!/usr/bin/env node
// `npm start`: the whole portal with one command. Without DATABASE_URL it runs an embedded
// PostgreSQL under .data/pg; then migrations, demo data (first start only), a production build
// when the sources changed, and the production server (scripts/serve.mjs: Next behind a listener that
// appends the socket address to X-Forwarded-For) on PORT (default 3000). Ctrl-C stops everything.
// Demo mode (DEMO_MODE, default 1 here): demo accounts, demo EDS key stores, the sandbox CA
// self-service and the payment sandbox's card pages; `DEMO_MODE=0 npm start` runs without them.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertReachable, startEmbeddedPostgres } from "./embedded-db.mjs";
import { buildIsStale, markBuilt } from "./build-state.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (m) => console.log(`[start] ${m}`);

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
}

/** A secret that survives restarts without anyone having to configure it (set the variable in production). */
function persistentSecret(envName, fileName) {
  if (process.env[envName]) return process.env[envName];
  const file = path.join(root, ".data", fileName);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Says loudly whether demo mode is on (lib/platform/demo: exactly "1" is on). */
function demoBanner(on) {
  const lines = on
    ? [
        "DEMO MODE IS ON (DEMO_MODE=1).",
        "Demo accounts with published passwords, demo EDS key stores, the sandbox CA self-service",
        "and the payment sandbox's card pages are enabled. Never expose this to the public:",
        "run `DEMO_MODE=0 npm start` (or the deployment recipe) for real use.",
      ]
    : ["Demo mode is off (DEMO_MODE=0): no demo accounts, demo keys or sandbox test pages."];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = "=".repeat(width + 4);
  console.log([bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar].join("\n"));
}

async function main() {
  let db = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    db = await startEmbeddedPostgres({
      dataDir: process.env.EMBEDDED_PG_DATA_DIR ? path.resolve(process.env.EMBEDDED_PG_DATA_DIR) : path.join(root, ".data", "pg"),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      database: "elicense",
      log,
      portVar: "EMBEDDED_PG_PORT",
      dataVar: "EMBEDDED_PG_DATA_DIR",
    });
    databaseUrl = db.url;
  }
  const stopDb = async () => {
    if (db) {
      log("Stopping the embedded PostgreSQL …");
      await db.stop().catch(() => {});
      db = null;
    }
  };

  try {
    await assertReachable(databaseUrl);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: persistentSecret("NEXTAUTH_SECRET", "nextauth-secret"),
      PAYMENT_GATEWAY_SECRET: persistentSecret("PAYMENT_GATEWAY_SECRET", "payment-gateway-secret"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
      DEMO_MODE: process.env.DEMO_MODE ?? "1",
    };
    log("Applying database migrations …");
    run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], env);
    run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-jobs.ts"], env);
    log("Loading reference and demo data (only what is missing) …");
    run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed/index.ts"], env);

    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (!dev && buildIsStale(root)) {
      log("Building the portal (first start or changed sources; takes a few minutes) …");
      run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
      markBuilt(root);
    }
    demoBanner(env.DEMO_MODE === "1");
    log(`Starting on http://localhost:${port} …`);
    const server = dev ? [nextBin, "dev", "-p", String(port)] : [path.join(root, "scripts", "serve.mjs"), "-p", String(port)];
    const child = spawn(process.execPath, server, { cwd: root, stdio: "inherit", env });
    let stopping = false;
    const shutdown = (signal) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: shutting down …`);
      child.kill("SIGTERM");
    };
    process.on("SIGINT", () => shutdown("SIGINT"));
    process.on("SIGTERM", () => shutdown("SIGTERM"));
    const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
    await stopDb();
    process.exit(stopping ? 0 : code);
  } catch (e) {
    console.error(`[start] ${e.message}`);
    await stopDb();
    process.exit(1);
  }
}

main();
