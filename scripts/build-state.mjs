// Decides whether `next build` must run: no build yet, or any source newer than the last build.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "messages", "public", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) if (!SKIP.has(e)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

const marker = (root) => path.join(root, ".next", "BUILT_FROM_SOURCES");

export function buildIsStale(root) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(marker(root))) return true;
  const built = statSync(marker(root)).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export function markBuilt(root) {
  writeFileSync(marker(root), new Date().toISOString());
}
