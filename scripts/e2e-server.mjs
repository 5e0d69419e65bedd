#!/usr/bin/env node
// Server for the Playwright tests: a fresh database on the test server, migrations, demo data,
// then the production server (scripts/serve.mjs) of the existing build on E2E_PORT. The demo caseload is left out
// (the journeys count on quiet queues); tests/e2e/tour.spec.ts loads it itself (E2E_CASELOAD=1 here loads it up front).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDatabase } from "./embedded-db.mjs";
import { e2eServerEnv } from "./e2e-env.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error("TEST_DATABASE_URL is not set: run the browser tests through `npm test`, or set it to a PostgreSQL server URL.");
  process.exit(1);
}
const port = process.env.E2E_PORT ?? "3100";
const dbName = process.env.E2E_DATABASE ?? "elicense_e2e";
const u = new URL(admin);
const adminUrl = (() => { const x = new URL(admin); x.pathname = "/postgres"; return x.toString(); })();

const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
await client.query(`drop database if exists "${dbName}" with (force)`);
await client.end();
await ensureDatabase(adminUrl, dbName);
u.pathname = `/${dbName}`;
const env = { ...e2eServerEnv({ databaseUrl: u.toString(), port }), DEMO_CASELOAD: process.env.E2E_CASELOAD ?? "0",
  // Every browser test comes from one address: the per-address limits of the public endpoints
  // (EDS challenges, registrations) are tested in tests/integration, not here.
  PUBLIC_RATE_LIMIT_PER_MINUTE: process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? "100000" };
for (const args of [["scripts/prisma.mjs", "migrate", "deploy"], ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-jobs.ts"], ["node_modules/tsx/dist/cli.mjs", "prisma/seed/index.ts"]]) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", port], { cwd: root, stdio: "inherit", env });
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => child.kill("SIGTERM"));
child.on("exit", (c) => process.exit(c ?? 0));
