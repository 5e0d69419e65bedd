import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findLoadBalancer, haproxyConfig, nginxConfig } from "@/scripts/cluster/load-balancer.mjs";

// The configurations `npm run cluster` writes, checked by the balancers themselves where installed.
const dir = mkdtempSync(path.join(tmpdir(), "elicense-lb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const servers = [
  { name: "portal1", port: 3251 },
  { name: "portal2", port: 3252 },
];

describe("load balancer configuration of npm run cluster", () => {
  it("health-checks /api/health, sets X-Forwarded-For itself and lists every instance", () => {
    const h = haproxyConfig({ port: 3250, servers, runDir: dir });
    expect(h).toMatch(/option httpchk GET \/api\/health/);
    expect(h).toMatch(/http-request set-header X-Forwarded-For %\[src\]/);
    expect(h).not.toMatch(/^\s*retry-on/m); // only refused connections are retried, never a sent POST
    for (const s of servers) expect(h).toContain(`server ${s.name} 127.0.0.1:${s.port} check`);
    const n = nginxConfig({ port: 3250, servers, runDir: dir });
    expect(n).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(n).not.toMatch(/non_idempotent/);
    for (const s of servers) expect(n).toContain(`server 127.0.0.1:${s.port}`);
  });

  it.skipIf(findLoadBalancer("haproxy") === null)("HAProxy accepts its configuration", () => {
    const file = path.join(dir, "haproxy.cfg");
    writeFileSync(file, haproxyConfig({ port: 3250, servers, runDir: dir }));
    const r = spawnSync(findLoadBalancer("haproxy")!.bin, ["-c", "-f", file], { encoding: "utf8" });
    expect(r.status, r.stderr + r.stdout).toBe(0);
  });

  it.skipIf(findLoadBalancer("nginx") === null)("nginx accepts its configuration", () => {
    for (const d of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, "nginx-tmp", d), { recursive: true });
    const file = path.join(dir, "nginx.cfg");
    writeFileSync(file, nginxConfig({ port: 3250, servers, runDir: dir }));
    const r = spawnSync(findLoadBalancer("nginx")!.bin, ["-t", "-p", dir, "-c", file], { encoding: "utf8" });
    expect(r.status, r.stderr + r.stdout).toBe(0);
  });
});
