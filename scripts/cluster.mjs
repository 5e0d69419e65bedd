#!/usr/bin/env node
// `npm run cluster`: the scale-out topology on one machine, with one command — an embedded
// PostgreSQL (or DATABASE_URL), the S3-compatible test store, N portal instances and HAProxy
// (or nginx) in front on one port, with the demo data. Ctrl-C stops all of it.
//
//   PORT=8080 CLUSTER_INSTANCES=3 npm run cluster
//
// Variables: PORT (the balancer, default 8080), CLUSTER_INSTANCES (3), CLUSTER_INSTANCE_PORT
// (first instance's port, default PORT+1, then consecutive), CLUSTER_S3_PORT (9000), CLUSTER_LB
// (haproxy | nginx; default: whichever is installed, HAProxy first), CLUSTER_DATA_DIR
// (.data/cluster), DATABASE_URL (unset → embedded PostgreSQL on EMBEDDED_PG_PORT, default 54331,
// data in CLUSTER_DATA_DIR/pg), DEMO_DATA (1). Needs HAProxy or nginx: apt-get install -y haproxy.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertReachable, startEmbeddedPostgres } from "./embedded-db.mjs";
import { buildIsStale, markBuilt } from "./build-state.mjs";
import { findLoadBalancer, LB_MISSING } from "./cluster/load-balancer.mjs";
import { startCluster } from "./cluster/start-cluster.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const log = (m) => console.log(`[cluster] ${m}`);
const int = (name, fallback) => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) throw new Error(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return Number(raw);
};

function run(args, env) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed with exit code ${r.status}`);
}

/** A secret kept in the data folder, so that sessions survive a restart of the cluster. */
function secret(dir, envName) {
  if (process.env[envName]) return process.env[envName];
  const file = path.join(dir, envName.toLowerCase());
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const port = int("PORT", 8080);
  const instances = int("CLUSTER_INSTANCES", 3);
  const dataDir = path.resolve(root, process.env.CLUSTER_DATA_DIR?.trim() || ".data/cluster");
  mkdirSync(dataDir, { recursive: true });
  if (!findLoadBalancer()) throw new Error(`Cannot start the cluster: ${LB_MISSING}.`);

  let db = null;
  let cluster = null;
  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    if (why) log(`${why}: stopping the balancer, the instances, the store and the database …`);
    await cluster?.stop().catch(() => {});
    await db?.stop().catch(() => {});
  };
  process.on("SIGINT", () => stop("SIGINT").then(() => process.exit(0)));
  process.on("SIGTERM", () => stop("SIGTERM").then(() => process.exit(0)));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: int("EMBEDDED_PG_PORT", 54331), database: "elicense", log, portVar: "EMBEDDED_PG_PORT" });
      databaseUrl = db.url;
    }
    await assertReachable(databaseUrl);
    const publicUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret(dataDir, "NEXTAUTH_SECRET"),
      PAYMENT_GATEWAY_SECRET: secret(dataDir, "PAYMENT_GATEWAY_SECRET"),
      NEXTAUTH_URL: publicUrl,
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? publicUrl,
      // Like `npm start`: the demo accounts and keys work (DEMO_MODE=0 turns them off).
      DEMO_MODE: process.env.DEMO_MODE ?? "1",
    };
    log("Applying database migrations …");
    run(["scripts/prisma.mjs", "migrate", "deploy"], env);
    run(["node_modules/tsx/dist/cli.mjs", "scripts/prepare-jobs.ts"], env);
    log("Loading reference and demo data (only what is missing) …");
    run(["node_modules/tsx/dist/cli.mjs", "prisma/seed/index.ts"], env);
    if (buildIsStale(root)) {
      log("Building the portal (first start or changed sources; takes a few minutes) …");
      run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { ...env, NODE_ENV: "production" });
      markBuilt(root);
    }
    cluster = await startCluster({
      root,
      databaseUrl,
      port,
      instances,
      instancePort: int("CLUSTER_INSTANCE_PORT", port + 1),
      s3Port: int("CLUSTER_S3_PORT", 9000),
      dataDir,
      publicUrl,
      env: { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, PAYMENT_GATEWAY_SECRET: env.PAYMENT_GATEWAY_SECRET, PUBLIC_BASE_URL: env.PUBLIC_BASE_URL, DEMO_MODE: env.DEMO_MODE },
      output: "inherit",
      log,
    });
    log(`The portal: ${publicUrl} (${cluster.lb} → ${cluster.instances().map((i) => i.url).join(", ")}). Ctrl-C stops all.`);
    // An instance that dies is reported; the balancer keeps serving from the others.
    for (const inst of cluster.instances()) inst.exited.then((e) => !stopping && log(`${inst.name} exited (${e.signal ?? `code ${e.code}`}); the balancer routes around it`));
    await new Promise(() => {});
  } catch (e) {
    console.error(`[cluster] ${e.message}`);
    await stop();
    process.exit(1);
  }
}

main();
