// Self time of a V8 CPU profile by module: node_modules packages (Prisma client and query compiler, pg, zod,
// node-forge, …), our code by lib/<area>/<module> (app/ by route), Node's own modules, GC and idle.
// `npx tsx scripts/bench/profile-summary.ts <file.cpuprofile>` prints it for a saved profile. Frames in the
// production build (.next/server) are mapped back to their source files through the build's source maps, so a
// production instance's profile is attributed like an in-process one.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

/** The module a frame belongs to: "pkg:<name>", "lib/<area>/<module>", "app/…", "node:<module>", or a V8 pseudo-frame. */
export function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(V8 builtins / native)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  const file = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = file.slice(nm + 14).split("/");
    return `pkg:${parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const rel = path.relative(root, file);
  if (rel.startsWith("..")) return "(other)";
  const parts = rel.split(path.sep);
  if (rel.startsWith(`lib${path.sep}platform${path.sep}db${path.sep}generated`)) return "lib/platform/db/generated";
  if (parts[0] === "lib") return parts.slice(0, Math.min(3, parts.length - 1)).join("/");
  if (parts[0] === "app") return parts.slice(0, -1).join("/") || "app";
  return parts.slice(0, Math.min(2, parts.length - 1)).join("/") || rel;
}

/** The coarse group of a module, for the headline split. */
export function groupOf(mod: string): string {
  if (/^pkg:(@prisma\/client|prisma|@prisma\/client-runtime-utils|@prisma\/query-compiler|@prisma\/driver-adapter-utils)/.test(mod) || mod.startsWith("wasm") || mod === "lib/platform/db/generated") return "Prisma client + query compiler";
  if (mod === "pkg:@prisma/adapter-pg") return "Prisma pg adapter";
  if (/^pkg:(pg|pg-protocol|pg-types|postgres-[a-z]+|pg-pool|pg-connection-string)$/.test(mod)) return "pg driver";
  if (mod === "pkg:zod") return "zod";
  if (mod === "pkg:node-forge" || /^pkg:(pkijs|asn1js|@peculiar\/.*)$/.test(mod)) return "node-forge / CMS / ASN.1";
  if (mod.startsWith("lib/law/workflow")) return "workflow engine (lib/law/workflow)";
  if (mod.startsWith("lib/") || mod.startsWith("app/") || mod.startsWith("scripts/") || mod.startsWith("tests/")) return "our code (lib, app)";
  if (mod.startsWith("node:")) return "Node core (node:*)";
  if (mod === "(garbage collector)") return "GC";
  if (mod === "(idle)" || mod === "(program)" || mod === "(root)") return mod;
  if (mod.startsWith("pkg:")) return "other packages";
  return "V8 builtins / native / other";
}

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * The source position of a frame in a built file that has a source map beside it (`<file>.map`, as
 * `next build` writes them), or null.
 */
function originalFrame(frame: CpuProfile["nodes"][number]["callFrame"]): { url: string; functionName: string; lineNumber: number } | null {
  if (!frame.url || !frame.url.includes("/.next/")) return null;
  const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
  let map = sourceMaps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
  if (!entry?.originalSource) return null;
  const source = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
  return { url: source, functionName: entry.name || frame.functionName, lineNumber: entry.originalLine ?? frame.lineNumber };
}

export function selfTimes(profile: CpuProfile, root: string): { byModule: Map<string, number>; byFunction: Map<string, number>; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const frames = new Map<number, { url: string; functionName: string; lineNumber: number }>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    let frame = frames.get(node.id);
    if (!frame) frames.set(node.id, (frame = originalFrame(node.callFrame) ?? node.callFrame));
    const mod = moduleOf(frame.url, frame.functionName, root);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} ${mod}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    total += ms;
  }
  return { byModule, byFunction, totalMs: total };
}

export function summariseProfile(profile: CpuProfile, root: string, top = 15): string {
  const { byModule, byFunction, totalMs } = selfTimes(profile, root);
  const idle = byModule.get("(idle)") ?? 0;
  const busy = totalMs - idle;
  const groups = new Map<string, number>();
  for (const [m, ms] of byModule) if (m !== "(idle)") groups.set(groupOf(m), (groups.get(groupOf(m)) ?? 0) + ms);
  const rows = (m: Map<string, number>, n: number) =>
    [...m].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `| ${k} | ${ms.toFixed(1)} | ${((100 * ms) / busy).toFixed(1)} % |`).join("\n");
  return [
    `profiled ${totalMs.toFixed(0)} ms, of which ${busy.toFixed(0)} ms on the CPU (idle = waiting for PostgreSQL)`,
    `\n| group | self ms | share of CPU |\n|---|---|---|\n${rows(groups, 20)}`,
    `\n| module | self ms | share of CPU |\n|---|---|---|\n${rows(byModule, top)}`,
    `\n| function | self ms | share of CPU |\n|---|---|---|\n${rows(byFunction, top)}`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile>");
  console.log(summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, path.resolve(import.meta.dirname, "../..")));
}
