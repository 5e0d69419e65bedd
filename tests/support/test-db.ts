import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/platform/db";

export type TestDb = { db: Db; url: string; drop: () => Promise<void> };

/** A fresh, migrated database for one test file (cloned from the run's template). */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject("testDbAdminUrl");
  const template = inject("testDbTemplate");
  const name = `elicense_it_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = createDb(u.toString());
  return {
    db,
    url: u.toString(),
    drop: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
