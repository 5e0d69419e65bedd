// The scale-out topology on one machine: an S3-compatible store (the s3rver test server), N
// portal instances (scripts/serve.mjs, all running the timed-job workers) on one PostgreSQL, and
// HAProxy or nginx in front on one port. Used by `npm run cluster` and the failover test.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findLoadBalancer, LB_MISSING, startLoadBalancer } from "./load-balancer.mjs";
import { startInstance, waitHealthy } from "./instances.mjs";
import { startS3Server } from "./s3-server.mjs";

/**
 * Starts everything on an already migrated database and returns a handle: `url` (the balancer),
 * `instances`, `kill(name, signal)`, `restart(name)`, `serverStates()` and `stop()`.
 */
export async function startCluster({
  root,
  databaseUrl,
  port,
  instances = 3,
  instancePort = port + 1,
  /** Explicit ports (e.g. random free ones in tests); else `instances` consecutive from `instancePort`. */
  instancePorts = Array.from({ length: instances }, (_, i) => instancePort + i),
  s3Port = 0,
  dataDir,
  publicUrl = `http://localhost:${port}`,
  env = {},
  /** An S3 test server started by the caller (kept running by stop()); else one is started here. */
  s3: givenS3 = null,
  output = "keep",
  log = () => {},
}) {
  const lb = findLoadBalancer();
  if (!lb) throw new Error(`npm run cluster needs a load balancer: ${LB_MISSING}.`);
  const runDir = path.join(dataDir, "run");
  const started = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => {});
  };
  try {
    const s3 = givenS3 ?? (await startS3Server({ directory: path.join(dataDir, "s3"), port: s3Port }));
    if (!givenS3) started.push(s3);
    log(`S3-compatible store (s3rver) on ${s3.endpoint}, bucket ${s3.bucket}`);

    const shared = {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: publicUrl,
      PUBLIC_BASE_URL: publicUrl,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      PAYMENT_GATEWAY_SECRET: env.PAYMENT_GATEWAY_SECRET ?? randomBytes(32).toString("base64url"),
      // The balancer is the only proxy whose X-Forwarded-For the instances may believe.
      TRUSTED_PROXIES: "127.0.0.1",
      DATABASE_POOL_SIZE: "8",
      ...s3.env,
      ...env,
    };
    const names = instancePorts.map((p, i) => ({ name: `portal${i + 1}`, port: p }));
    const live = new Map();
    const launch = ({ name, port: p }) => {
      const inst = startInstance({ root, name, port: p, env: shared, runDir, output });
      live.set(name, inst);
      return inst;
    };
    const procs = names.map(launch);
    started.push({ stop: async () => Promise.all([...live.values()].map(async (i) => (i.kill("SIGTERM"), await i.exited))) });
    await Promise.all(
      procs.map((i) =>
        waitHealthy(i.url, { exited: i.exited }).catch((e) => {
          throw new Error(`${e.message}\n--- ${i.name} output ---\n${i.output()}`);
        }),
      ),
    );
    log(`${names.length} portal instances healthy on ports ${names.map((n) => n.port).join(", ")}`);

    const balancer = await startLoadBalancer({ ...lb, port, servers: names, runDir, log });
    started.push(balancer);

    return {
      url: balancer.url,
      publicUrl,
      lb: balancer.kind,
      s3,
      env: shared,
      instances: () => names.map((n) => live.get(n.name)),
      instance: (name) => live.get(name),
      kill: (name, signal = "SIGKILL") => live.get(name).kill(signal),
      /** Starts a stopped or killed instance again on its port and waits until it is healthy. */
      restart: async (name) => {
        const old = live.get(name);
        if (old.alive()) {
          old.kill("SIGTERM");
          await old.exited;
        }
        const inst = launch(names.find((n) => n.name === name));
        await waitHealthy(inst.url, { exited: inst.exited });
        return inst;
      },
      serverStates: () => balancer.serverStates(),
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
