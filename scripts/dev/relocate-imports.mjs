#!/usr/bin/env node
// One-off helper for the lib/ reorganisation into areas (issue 17): moves any file still in an old
// module folder to its new place and rewrites old `@/lib/<module>` paths in code and docs.
// Idempotent: running it on an already relocated tree changes nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MOVES = {
  core: "platform/core",
  db: "platform/db",
  log: "platform/log",
  i18n: "platform/i18n",
  audit: "platform/audit",
  jobs: "platform/jobs",
  auth: "platform/auth",
  calendar: "law/calendar",
  "work-calendar": "law/organisation-calendar",
  regulations: "law/regulations",
  deadlines: "law/deadlines",
  workflow: "law/workflow",
  catalogue: "law/catalogue",
  organisations: "law/organisations",
  pki: "trust/pki",
  "pki-store": "trust/certificates",
  signatures: "trust/signatures",
  applications: "cases/applications",
  documents: "cases/documents",
  payments: "cases/payments",
  intake: "cases/intake",
  "officer-actions": "cases/officer-actions",
  worklist: "cases/worklist",
  licences: "cases/licences",
  "licence-pdf": "cases/licence-pdf",
  "deadline-sweep": "cases/deadline-sweep",
  metrics: "oversight/metrics",
  survey: "oversight/survey",
  complaints: "oversight/complaints",
  reports: "oversight/reports",
  admin: "oversight/admin",
  api: "integration/api",
  "api-tokens": "integration/api-tokens",
  registries: "integration/registries",
  notifications: "integration/notifications",
};

const root = fileURLToPath(new URL("../..", import.meta.url));
const names = Object.keys(MOVES).sort((a, b) => b.length - a.length);
const alt = names.map((n) => n.replace(/[-]/g, "\\-")).join("|");
// `@/lib/<old>` or `lib/<old>` (docs, config) followed by a quote, slash, backtick or word end — never `lib/<area>/…`.
const importRe = new RegExp(`(@/lib/|(?<![\\w@/.-])\\.?\\.?/?lib/)(${alt})(?=["'\`/)\\s:,;#]|$)`, "gm");

function rewrite(text) {
  return text.replace(importRe, (m, prefix, name) => `${prefix}${MOVES[name]}`);
}

function moveLeftovers() {
  for (const [from, to] of Object.entries(MOVES)) {
    const src = path.join(root, "lib", from);
    if (!existsSync(src) || !statSync(src).isDirectory()) continue;
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { walk(p); continue; }
        const rel = path.relative(src, p);
        const dest = path.join(root, "lib", to, rel);
        mkdirSync(path.dirname(dest), { recursive: true });
        if (existsSync(dest)) { console.error(`both exist, left in place: ${p} and ${dest}`); continue; }
        try { execFileSync("git", ["mv", p, dest], { cwd: root, stdio: "ignore" }); } catch { renameSync(p, dest); }
        console.log(`moved ${path.relative(root, p)} → ${path.relative(root, dest)}`);
      }
      try { rmdirSync(dir); } catch { /* not empty: a conflict was reported */ }
    };
    walk(src);
  }
}

function rewriteFiles() {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  let changed = 0;
  for (const f of files) {
    if (!/\.(ts|tsx|mts|mjs|js|cjs|md|json|prisma)$|^\.gitignore$|^\.prettierignore$/.test(path.basename(f)) && !f.endsWith(".gitignore") && !f.endsWith(".prettierignore")) continue;
    if (f.startsWith("node_modules/") || f.includes("/generated/") || f === "package-lock.json" || f.startsWith("messages/")) continue;
    if (f === "scripts/dev/relocate-imports.mjs") continue;
    const p = path.join(root, f);
    if (!existsSync(p)) continue;
    const before = readFileSync(p, "utf8");
    const after = rewrite(before);
    if (after !== before) { writeFileSync(p, after); changed++; }
  }
  console.log(`rewrote paths in ${changed} files`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  moveLeftovers();
  rewriteFiles();
}
