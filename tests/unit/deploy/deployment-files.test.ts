import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findLoadBalancer } from "@/scripts/cluster/load-balancer.mjs";

// Docker cannot run here: these checks keep the Dockerfile, compose.yaml and the HAProxy
// configuration consistent with the repository by reading them.
const root = path.resolve(__dirname, "../../..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");

type Service = { build?: { target?: string }; image?: string; environment?: Record<string, string>; depends_on?: unknown; volumes?: string[]; entrypoint?: string[] };
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
const dockerfile = read("Dockerfile");
const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]!);

describe("Dockerfile", () => {
  it("is multi-stage and runs the standalone build through scripts/serve.mjs as a non-root user", () => {
    expect(stages).toEqual(expect.arrayContaining(["deps", "build", "runtime", "tools"]));
    const runtime = dockerfile.slice(dockerfile.search(/^FROM\s+\S+\s+AS\s+runtime/im));
    expect(runtime).toMatch(/^USER\s+node\s*$/m);
    // Not the generated server.js: it keeps a client's X-Forwarded-For (issue 13, F1).
    expect(runtime).toMatch(/^CMD \["node", "scripts\/serve.mjs", "--standalone"\]/m);
    expect(runtime).toMatch(/^COPY --from=build \S+ \/app\/scripts\/serve.mjs \.\/scripts\/serve.mjs$/m);
    expect(runtime).toContain("/app/.next/standalone");
    expect(dockerfile).toMatch(/NEXT_OUTPUT=standalone/);
    expect(read("next.config.js")).toMatch(/process\.env\.NEXT_OUTPUT === "standalone" \? "standalone"/);
  });

  it("copies only paths that exist in the repository (and the build stage's outputs)", () => {
    for (const m of dockerfile.matchAll(/^COPY\s+(.*)$/gm)) {
      const args = m[1]!.split(/\s+/).filter((a) => !a.startsWith("--chown"));
      const from = args[0]!.startsWith("--from=") ? args.shift()!.slice("--from=".length) : null;
      const sources = args.slice(0, -1);
      for (const src of sources) {
        if (from) {
          expect(stages, m[0]).toContain(from);
          // Outputs of `next build` are made in the image; everything else must be in the repository.
          if (!src.startsWith("/app/.next")) expect(existsSync(path.join(root, src.replace(/^\/app\//, ""))), m[0]).toBe(true);
        } else if (src !== ".") expect(existsSync(path.join(root, src)), m[0]).toBe(true);
      }
    }
  });

  it("keeps local state, dependencies and builds out of the image's context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const p of ["node_modules", ".next", ".data", ".git", "lib/platform/db/generated"]) expect(ignored).toContain(p);
  });
});

describe("compose.yaml", () => {
  const portals = Object.entries(compose.services).filter(([name]) => /^portal\d+$/.test(name));

  it("has the reference topology: balancer, three instances, primary and replica, object store, mail, migrations", () => {
    expect(portals.map(([n]) => n)).toEqual(["portal1", "portal2", "portal3"]);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["lb", "migrate", "postgres", "postgres-replica", "objectstore", "mail"]));
    for (const [name, s] of Object.entries(compose.services)) if (s.build?.target) expect(stages, name).toContain(s.build.target);
    expect(compose.services.migrate!.build?.target).toBe("tools");
  });

  it("gives every instance the same database, the S3 store and shared secrets (nothing on local disk)", () => {
    for (const [name, s] of portals) {
      expect(s.build?.target, name).toBe("runtime");
      const env = s.environment!;
      expect(env, name).toMatchObject({ FILE_STORAGE: "s3", S3_BUCKET: "elicense-files", S3_FORCE_PATH_STYLE: "1", S3_ENDPOINT: "http://objectstore:9000" });
      for (const v of ["DATABASE_URL", "NEXTAUTH_SECRET", "PAYMENT_GATEWAY_SECRET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION", "NEXTAUTH_URL", "SMTP_URL", "TRUSTED_PROXIES"]) expect(env[v], `${name} ${v}`).toBeTruthy();
      expect(env.DATABASE_URL).toContain("@postgres:5432/");
    }
  });

  it("mounts files that exist, and the balancer checks every instance on /api/health", () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const v of s.volumes ?? []) {
        const src = v.split(":")[0]!;
        if (src.startsWith("./")) expect(existsSync(path.join(root, src)), `${name}: ${v}`).toBe(true);
      }
    }
    const cfg = read("deploy/haproxy.cfg");
    expect(cfg).toMatch(/option httpchk GET \/api\/health/);
    for (const [name] of portals) expect(cfg).toMatch(new RegExp(`^\\s*server ${name} ${name}:3000 check`, "m"));
  });

  it.skipIf(findLoadBalancer("haproxy") === null)("deploy/haproxy.cfg is a configuration HAProxy accepts", () => {
    // The portal names only resolve inside compose's network: `init-addr none` lets the check pass here.
    const dir = mkdtempSync(path.join(tmpdir(), "elicense-haproxy-"));
    try {
      const r = spawnSync(findLoadBalancer("haproxy")!.bin, ["-c", "-f", path.join(root, "deploy/haproxy.cfg")], { encoding: "utf8", cwd: dir });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
