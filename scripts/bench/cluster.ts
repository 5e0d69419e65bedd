// The production servers of the HTTP benchmarks: BENCH_INSTANCES (default 2 = one per core) instances
// (scripts/serve.mjs) of the existing build behind the load balancer (scripts/cluster), on the bench's database.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Cluster } from "../cluster/start-cluster.mjs";

const root = path.resolve(import.meta.dirname, "../..");

export type BenchCluster = { url: string; instances: number; stop: () => Promise<void>; pids: () => number[] };

export async function startBenchCluster(o: { databaseUrl: string; name: string; port: number; env?: Record<string, string> }): Promise<BenchCluster> {
  const { startCluster } = (await import(path.join(root, "scripts/cluster/start-cluster.mjs"))) as { startCluster: (o: Record<string, unknown>) => Promise<Cluster> };
  const instances = Number(process.env.BENCH_INSTANCES ?? 2);
  const cluster = await startCluster({
    root,
    databaseUrl: o.databaseUrl,
    port: o.port,
    instances,
    instancePort: o.port + 10,
    dataDir: path.join(root, ".data", o.name),
    output: "keep",
    env: { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? "16", API_RATE_LIMIT_PER_MINUTE: "100000000", ...o.env },
  });
  return { url: cluster.url, instances, stop: () => cluster.stop(), pids: () => cluster.instances().flatMap((i) => (i.pid && i.alive() ? [i.pid] : [])) };
}

/** `pid` and its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const tid of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) out.push(...processTree(Number(tid)));
  } catch {
    // gone, or not Linux
  }
  return out;
}

/** Resident memory (VmRSS, MB) of a process, null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
