import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { appendPeerListener, forwardedForWithPeer, malformedRouterState, serveOptions } from "@/scripts/serve.mjs";
import { clientAddress, parseTrustedProxies } from "@/lib/platform/limits";

/**
 * Issue 13 F1 with the portal exposed directly: scripts/serve.mjs appends the socket's address to
 * X-Forwarded-For before Next sees the request, so the limiter key (clientAddress) is the real
 * peer whatever the client writes. A real node:http server and real sockets; the handler stands in
 * for Next and answers the key clientAddress() derives, under the TRUSTED_PROXIES of the request's
 * `x-test-trusted` header.
 */
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(
    appendPeerListener((req, res) => {
      const trusted = parseTrustedProxies(String(req.headers["x-test-trusted"] ?? ""));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ key: clientAddress(req.headers["x-forwarded-for"] as string | undefined, trusted), xff: req.headers["x-forwarded-for"] ?? null }));
    }, parseAndValidateFlightRouterState),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** One GET over a fresh socket from 127.0.0.1 with the given headers (a repeated name is sent as repeated lines). */
function get(pairs: [string, string][]): Promise<{ key: string | null; xff: string | null; status?: number }> {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of pairs) (headers[k] ??= []).push(v);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", method: "GET", agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ ...(JSON.parse(body) as { key: string | null; xff: string | null }), status: res.statusCode }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("scripts/serve.mjs: the socket address is appended to X-Forwarded-For", () => {
  it("a client sending X-Forwarded-For: 1.2.3.4 is keyed on its socket address (127.0.0.1)", async () => {
    const r = await get([["X-Forwarded-For", "1.2.3.4"]]);
    expect(r.xff).toBe("1.2.3.4, 127.0.0.1");
    expect(r.key).toBe("127.0.0.1");
  });

  it("rotating the header, sending it twice or a long forged chain gives the same key", async () => {
    const keys = new Set<string | null>();
    for (let i = 0; i < 10; i++) keys.add((await get([["X-Forwarded-For", `198.51.100.${i}`]])).key);
    keys.add((await get([["X-Forwarded-For", "1.2.3.4"], ["X-Forwarded-For", "5.6.7.8"]])).key);
    keys.add((await get([["X-Forwarded-For", "10.0.0.1, 192.168.0.1, 127.0.0.2"]])).key);
    keys.add((await get([["X-Forwarded-For", "not-an-ip, ,"]])).key);
    expect([...keys]).toEqual(["127.0.0.1"]);
  });

  it("without the header the socket address is the key", async () => {
    const r = await get([]);
    expect(r).toEqual({ key: "127.0.0.1", xff: "127.0.0.1", status: 200 });
  });

  it("only when the peer is in TRUSTED_PROXIES is the hop to its left believed", async () => {
    expect((await get([["X-Forwarded-For", "1.2.3.4"], ["x-test-trusted", "127.0.0.1"]])).key).toBe("1.2.3.4");
    expect((await get([["X-Forwarded-For", "1.2.3.4"], ["x-test-trusted", "127.0.0.0/8"]])).key).toBe("1.2.3.4");
    // A trusted balancer in front: client → 10.0.0.5 (balancer, appended its peer) → this socket.
    expect((await get([["X-Forwarded-For", "9.9.9.9, 203.0.113.7, 10.0.0.5"], ["x-test-trusted", "127.0.0.1, 10.0.0.0/8"]])).key).toBe("203.0.113.7");
    // Another proxy's address is not enough.
    expect((await get([["X-Forwarded-For", "1.2.3.4"], ["x-test-trusted", "10.0.0.5"]])).key).toBe("127.0.0.1");
  });
});

describe("forwardedForWithPeer", () => {
  it("appends, joins repeated headers, and drops the header when the socket has no address", () => {
    expect(forwardedForWithPeer(undefined, "::1")).toBe("::1");
    expect(forwardedForWithPeer("  ", "::ffff:10.1.2.3")).toBe("::ffff:10.1.2.3");
    expect(forwardedForWithPeer(["1.2.3.4", "5.6.7.8"], "10.0.0.5")).toBe("1.2.3.4, 5.6.7.8, 10.0.0.5");
    expect(forwardedForWithPeer("1.2.3.4", undefined)).toBeNull();
  });
});

describe("serveOptions (the same PORT/HOSTNAME behaviour as `next start` and the standalone server.js)", () => {
  it("port from -p, else PORT, else 3000; hostname only from -H unless standalone", () => {
    expect(serveOptions([], {})).toEqual({ port: 3000, hostname: undefined, standalone: false, keepAliveTimeout: undefined });
    expect(serveOptions([], { PORT: "3100", HOSTNAME: "vm" })).toMatchObject({ port: 3100, hostname: undefined });
    expect(serveOptions(["-p", "3200", "-H", "127.0.0.1"], { PORT: "3100" })).toMatchObject({ port: 3200, hostname: "127.0.0.1" });
    expect(serveOptions(["--standalone"], { PORT: "3000", HOSTNAME: "0.0.0.0", KEEP_ALIVE_TIMEOUT: "65000" })).toEqual({ port: 3000, hostname: "0.0.0.0", standalone: true, keepAliveTimeout: 65000 });
    expect(serveOptions(["--standalone"], {})).toMatchObject({ hostname: "0.0.0.0" });
    expect(() => serveOptions(["-p", "x"], {})).toThrow(/port/);
    expect(() => serveOptions(["-p"], {})).toThrow(/--port/);
  });
});

describe("scripts/serve.mjs: a malformed Next-Router-State-Tree is a 400, not Next's 500 (issue 13, F3)", () => {
  const good = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }]));

  it("an RSC request with a header Next's own parser refuses never reaches Next", async () => {
    for (const bad of ["%E0%A4%A", "%7B", encodeURIComponent('["",{"a":1}]'), "null"]) {
      const r = await get([["rsc", "1"], ["next-router-state-tree", bad]]);
      expect(r.status, bad).toBe(400);
      expect(r.key, bad).toBeUndefined();
    }
    // Two headers are joined by Node, and Next refuses the joined value too.
    expect((await get([["rsc", "1"], ["next-router-state-tree", good], ["next-router-state-tree", good]])).status).toBe(400);
  });

  it("a good header, or one on a request that is no RSC request, goes on to Next", async () => {
    expect((await get([["rsc", "1"], ["next-router-state-tree", good]])).status).toBe(200);
    expect((await get([["next-router-state-tree", "%E0%A4%A"]])).status).toBe(200);
    expect(malformedRouterState({ rsc: "1", "next-router-state-tree": good }, parseAndValidateFlightRouterState)).toBe(false);
  });
});
