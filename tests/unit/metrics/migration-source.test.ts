import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { toMigrationSql } from "@/scripts/sql-to-migration.mjs";

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), "utf8");

describe("metric summaries migration", () => {
  it("is the readable source prisma/sql/metric-summaries.sql, re-quoted for Prisma's statement splitter", () => {
    const migration = read("prisma/migrations/20261129120000_metric_summaries/migration.sql");
    expect(migration.endsWith((toMigrationSql as (s: string) => string)(read("prisma/sql/metric-summaries.sql")))).toBe(true);
  });

  it("has no ';' except between statements (adapter-pg splits scripts at every ';')", () => {
    const migration = read("prisma/migrations/20261129120000_metric_summaries/migration.sql");
    for (const stmt of migration.split(";").map((s) => s.trim()).filter(Boolean)) {
      expect(stmt.split("$$").length % 2, stmt.slice(0, 80)).toBe(1);
      expect((stmt.replace(/''/g, "").match(/'/g) ?? []).length % 2, stmt.slice(0, 80)).toBe(0);
    }
  });
});
