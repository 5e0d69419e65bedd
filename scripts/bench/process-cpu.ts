// CPU time of groups of processes over a measured section (Linux /proc): where the two cores go during
// a benchmark's timed window — the portal instances, PostgreSQL, the load balancer and the bench client.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime + stime of a process in ms, null when it is gone or this is not Linux. */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

/** The pids whose command name (/proc/<pid>/comm) is `name` (e.g. postgres, haproxy). */
export function processesNamed(name: string): number[] {
  const out: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, "utf8").trim() === name) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

type Snapshot = Map<number, number>;
function snapshot(pids: number[]): Snapshot {
  const out: Snapshot = new Map();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/**
 * Runs `fn` and returns the CPU ms each group used meanwhile. A group is a function listing its pids,
 * asked before and after (a process started meanwhile counts from 0, one gone counts until it was last seen
 * — not at all). "bench client" (this process) is added.
 */
export async function cpuByGroup<T>(groups: Record<string, () => number[]>, fn: () => Promise<T>): Promise<{ result: T; ms: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(groups).map(([k, list]) => [k, snapshot(list())]));
  const self0 = process.cpuUsage();
  const result = await fn();
  const self = process.cpuUsage(self0);
  const ms: Record<string, number> = {};
  for (const [k, list] of Object.entries(groups)) {
    const after = snapshot(list());
    let sum = 0;
    for (const [pid, v] of after) sum += v - (before[k]!.get(pid) ?? 0);
    ms[k] = sum;
  }
  ms["bench client"] = (self.user + self.system) / 1000;
  return { result, ms };
}
