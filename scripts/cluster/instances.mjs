// Portal instances for the cluster: the production server (scripts/serve.mjs) of the existing build,
// one process per port, all on the same database and object store, each with its own local folder.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

/** Resolves when GET /api/health answers 200 (the database is reachable); rejects on exit or timeout. */
export async function waitHealthy(url, { timeoutMs = 180_000, exited } = {}) {
  const until = Date.now() + timeoutMs;
  let gone = null;
  exited?.then((e) => (gone = e));
  let last = "no answer";
  while (Date.now() < until) {
    if (gone) throw new Error(`${url} exited (${gone.signal ?? `code ${gone.code}`}) before it was healthy`);
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url}/api/health did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/**
 * Starts one instance. `output`: "inherit" prefixes its lines with the name (npm run cluster);
 * "keep" keeps the last lines for error messages (tests).
 */
export function startInstance({ root, name, port, env, runDir, output = "keep" }) {
  const uploads = path.join(runDir, name, "uploads");
  mkdirSync(uploads, { recursive: true });
  // INSTANCE_NODE_ARGS: extra Node flags for the instances (e.g. `--cpu-prof --cpu-prof-dir=…`, which
  // NODE_OPTIONS does not accept; the HTTP benchmarks' BENCH_PROFILE=1 uses it).
  const nodeArgs = (env?.INSTANCE_NODE_ARGS ?? process.env.INSTANCE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), INSTANCE_NAME: name, UPLOAD_DIR: uploads },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  // Everything it prints, for a look after the fact (the balancer's run folder).
  const file = createWriteStream(path.join(runDir, name, "output.log"), { flags: "a" });
  const onData = (d) => {
    file.write(d);
    const text = d.toString();
    if (output === "inherit") process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `));
    tail = (tail + text).slice(-6000);
  };
  proc.stdout.on("data", onData);
  proc.stderr.on("data", onData);
  const exited = new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => file.end());
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    exited,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    output: () => tail,
    kill: (signal = "SIGTERM") => proc.kill(signal),
  };
}
