#!/usr/bin/env node
// Appends a hand-written SQL file to a migration in the form Prisma can apply: the engine-free
// migrate (adapter-pg executeScript) splits a script at EVERY ";", even inside $$ function bodies.
// Bodies holding ";" become E'…' strings with ";" written as \073 (octal), so the readable source
// (prisma/sql/*.sql) and the applied migration are the same SQL. tests/unit/metrics checks that the
// migration still ends with the converted source.
// Usage: node scripts/sql-to-migration.mjs prisma/sql/x.sql >> prisma/migrations/<ts>_<name>/migration.sql
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** @param {string} src */
export function toMigrationSql(src) {
  return src
    .replace(/\$\$([\s\S]*?)\$\$/g, (m, body) => (body.includes(";") ? `E'${body.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll(";", "\\073")}'` : m))
    .replace(/--[^\n]*/g, (c) => c.replaceAll(";", ","));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(toMigrationSql(readFileSync(process.argv[2], "utf8")));
