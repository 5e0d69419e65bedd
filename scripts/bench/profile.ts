// BENCH_PROFILE=1: a V8 CPU profile (node:inspector) of one measured section of a benchmark, written to
// .data/profiles/<name>-<time>.cpuprofile (open it in Chrome DevTools or speedscope) and summarised as
// self time by module (scripts/bench/profile-summary.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { summariseProfile, type CpuProfile } from "./profile-summary";

const root = path.resolve(import.meta.dirname, "../..");

export async function withCpuProfile<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_PROFILE !== "1") return fn();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    session.disconnect();
    const dir = path.join(root, ".data", "profiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\nCPU profile: ${path.relative(root, file)}\n${summariseProfile(profile, root)}`);
  }
}
