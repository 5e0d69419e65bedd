#!/usr/bin/env node
// `npm test`: typecheck, lint, unit (under UTC and Asia/Almaty), integration (real PostgreSQL),
// Playwright (system Chromium) and the cluster failover test (HAProxy or nginx in front of three
// instances of the production build). With no DATABASE_URL an embedded PostgreSQL is started.
// Without a Chromium, or without a load balancer, those steps are skipped with a plain message.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EmbeddedDbError, startEmbeddedPostgres } from "./embedded-db.mjs";
import { buildIsStale, markBuilt } from "./build-state.mjs";
import { findChromium } from "./chromium.mjs";
import { findLoadBalancer, LB_MISSING } from "./cluster/load-balancer.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const want = (step) => only.length === 0 || only.includes(step);
const results = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

const bin = (p) => path.join(root, "node_modules", ...p.split("/"));

async function main() {
  let embedded = null;
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl && (want("integration") || want("e2e") || want("cluster"))) {
    embedded = await startEmbeddedPostgres({
      dataDir: process.env.EMBEDDED_PG_TEST_DATA_DIR ? path.resolve(process.env.EMBEDDED_PG_TEST_DATA_DIR) : path.join(root, ".data", "pg-test"),
      port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330),
      database: "postgres",
      log: (m) => console.log(`[test] ${m}`),
      portVar: "EMBEDDED_PG_TEST_PORT",
      dataVar: "EMBEDDED_PG_TEST_DATA_DIR",
    });
    adminUrl = embedded.url;
  }
  try {
    if (want("typecheck")) step("typecheck", process.execPath, [bin("typescript/bin/tsc"), "--noEmit"]);
    if (want("lint")) step("lint", process.execPath, [bin("eslint/bin/eslint.js"), ".", "--max-warnings=0"]);
    if (want("unit")) {
      // Calendar and deadline logic must not depend on the machine's time zone.
      for (const tz of ["UTC", "Asia/Almaty"]) step(`unit (TZ=${tz})`, process.execPath, [bin("vitest/vitest.mjs"), "run", "--project", "unit"], { TZ: tz });
    }
    if (want("integration")) step("integration", process.execPath, [bin("vitest/vitest.mjs"), "run", "--project", "integration"], { TEST_DATABASE_URL: adminUrl });
    // One production build serves both the browser tests and the cluster test.
    let built = null;
    const ensureBuilt = () => {
      if (built !== null) return built;
      built = !buildIsStale(root);
      if (!built) {
        built = step("build", process.execPath, [bin("next/dist/bin/next"), "build"], { NODE_ENV: "production", DATABASE_URL: adminUrl });
        if (built) markBuilt(root);
      }
      return built;
    };
    if (want("e2e")) {
      const chromium = findChromium();
      if (!chromium) {
        console.log("\n━━ e2e ━━\nSkipping the browser tests: no Chromium found at /usr/bin/chromium or CHROMIUM_PATH.\nInstall it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to run them.");
        results.push({ name: "e2e (skipped: no Chromium)", ok: true, seconds: 0, skipped: true });
      } else if (ensureBuilt()) {
        step("e2e", process.execPath, [bin("@playwright/test/cli.js"), "test"], { TEST_DATABASE_URL: adminUrl, CHROMIUM_PATH: chromium });
      }
    }
    if (want("cluster")) {
      if (!findLoadBalancer()) {
        console.log(`\n━━ cluster ━━\nSkipping the failover test: ${LB_MISSING}.`);
        results.push({ name: "cluster (skipped: no load balancer)", ok: true, seconds: 0, skipped: true });
      } else if (ensureBuilt()) {
        step("cluster", process.execPath, [bin("vitest/vitest.mjs"), "run", "--project", "cluster"], { TEST_DATABASE_URL: adminUrl });
      }
    }
  } finally {
    if (embedded) await embedded.stop();
  }
  const failed = results.filter((r) => !r.ok);
  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`${r.ok ? (r.skipped ? "SKIP" : "PASS") : "FAIL"}  ${r.name}  (${r.seconds}s)`);
  const passed = results.filter((r) => r.ok && !r.skipped).length;
  console.log(`steps: ${passed} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  // A known cause (port in use, unusable data folder) is one sentence; anything else keeps its stack.
  console.error(e instanceof EmbeddedDbError ? `[test] ${e.message}` : e);
  process.exit(1);
});
