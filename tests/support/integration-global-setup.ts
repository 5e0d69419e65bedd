import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { prepareJobSchema } from "@/lib/platform/jobs";

/**
 * Integration tier isolation: one migrated template database per run; every test file clones
 * its own database from it (tests/support/test-db.ts) and drops it afterwards.
 */
export default async function setup(project: TestProject) {
  const admin = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!admin) throw new Error("Integration tests need a PostgreSQL server: set TEST_DATABASE_URL (npm test does it for you, starting an embedded one if needed).");
  const template = `elicense_it_tpl_${process.pid}`;
  const adminUrl = withDb(admin, "postgres");
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists "${template}" with (force)`);
  await c.query(`create database "${template}"`);
  await c.end();
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: withDb(admin, template) },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`migrate deploy on the template failed:\n${r.stdout}\n${r.stderr}`);
  // Job tables too, so that use cases can enqueue inside their transactions.
  await prepareJobSchema(withDb(admin, template));
  project.provide("testDbAdminUrl", adminUrl);
  project.provide("testDbTemplate", template);
  return async () => {
    const c2 = new pg.Client({ connectionString: adminUrl });
    await c2.connect();
    await c2.query(`drop database if exists "${template}" with (force)`);
    await c2.end();
  };
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDbAdminUrl: string;
    testDbTemplate: string;
  }
}
