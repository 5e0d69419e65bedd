// Loaded into a portal instance with `--import` (INSTANCE_NODE_ARGS, scripts/cluster/instances.mjs) by
// `BENCH_PROFILE_SERVER=1 npm run bench:submit`: SIGUSR2 starts a V8 CPU profile of the instance, the
// next SIGUSR2 stops it and writes .data/profiles/server-<pid>-<time>.cpuprofile. So the profile holds
// only the benchmark's timed window (--cpu-prof would hold the whole life of the process, the drafts'
// preparation included). Summarise with `npx tsx scripts/bench/profile-summary.ts <file>`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";

const dir = path.resolve(import.meta.dirname, "../../.data/profiles");
let session = null;

process.on("SIGUSR2", async () => {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
    return;
  }
  const current = session;
  session = null;
  const { profile } = await current.post("Profiler.stop");
  current.disconnect();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `server-${process.pid}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`[profile] ${file}`);
});
