#!/usr/bin/env node
// The portal's production HTTP server: Next's custom-server API (`next({ dev: false })` +
// `getRequestHandler()`) behind a listener that does what a proxy does to X-Forwarded-For —
// it APPENDS the address of the socket the request came in on (issue 13, F1).
//
// Why: `next start` fills X-Forwarded-For from the socket only when the client sent none, so a client
// talking straight to the portal chose its own limiter key by sending the header. With the socket
// appended, the rightmost hop is always the real peer; clientAddress() (lib/platform/limits) walks
// left from it only through TRUSTED_PROXIES, so whatever the client wrote is ignored unless the
// peer is one of our own proxies. It also answers 400 to an RSC request whose router-state header
// Next's own parser refuses (Next would throw on it — a 500 — after stripping it from proxy.ts's view).
// Integrators' /api/v1 calls (with a token) are served by the route handlers without Next's router
// (withApiFastPath below; issue 14).
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]          (the build in .next, like `next start`)
//   node scripts/serve.mjs --standalone                     (the container: Next's standalone output)
//
// Port: -p, else PORT, else 3000 (as `next start`). Hostname: -H; with --standalone also HOSTNAME
// (default 0.0.0.0, as the standalone server.js); otherwise every interface (as `next start`).
// SIGTERM/SIGINT: stop accepting, finish the requests in flight, close Next, exit 143/130.
import http from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * X-Forwarded-For with the socket's remote address appended (the value a proxy would send on).
 * No socket address (a connection already gone): null, the header is dropped rather than believed.
 */
export function forwardedForWithPeer(sent, remoteAddress) {
  if (!remoteAddress) return null;
  const prior = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  return prior ? `${prior}, ${remoteAddress}` : remoteAddress;
}

/**
 * An RSC request (`RSC: 1`) whose `Next-Router-State-Tree` header `parseRouterState` (Next's own
 * parser) refuses. Next throws on it while reading the request — a 500 (issue 13, F3) — and strips
 * the RSC headers before proxy.ts runs, so this server is the first place that can answer 400.
 */
export function malformedRouterState(headers, parseRouterState) {
  if (headers.rsc !== "1" || headers["next-router-state-tree"] === undefined) return false;
  try {
    parseRouterState(headers["next-router-state-tree"]);
    return false;
  } catch {
    return true;
  }
}

/**
 * The request listener: appends the peer to X-Forwarded-For, refuses a malformed router-state
 * header (when `parseRouterState` is given), then hands the request to `handle` (Next's request
 * handler). Pure: no Next, no globals, so it is tested with a real node:http server
 * (tests/unit/limits/serve-peer-address.test.ts).
 */
export function appendPeerListener(handle, parseRouterState) {
  return (req, res) => {
    const value = forwardedForWithPeer(req.headers["x-forwarded-for"], req.socket.remoteAddress);
    if (value === null) delete req.headers["x-forwarded-for"];
    else req.headers["x-forwarded-for"] = value;
    if (parseRouterState && malformedRouterState(req.headers, parseRouterState)) {
      res.writeHead(400, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: { code: "api.invalid_json" } }));
      return;
    }
    return handle(req, res);
  };
}

/**
 * `handle` behind the /api/v1 fast path that instrumentation.ts publishes under
 * Symbol.for("elicense.apiFastPath") when Next starts (app/api/v1/_lib/fast-path.ts): a request it
 * serves (an integrator's token-authenticated call) skips Next's router; everything else, and every
 * request while nothing is published, goes to `handle`.
 */
export function withApiFastPath(handle) {
  const key = Symbol.for("elicense.apiFastPath");
  return (req, res) => {
    const fast = globalThis[key];
    if (typeof fast === "function" && fast(req, res)) return;
    return handle(req, res);
  };
}

/** Next's parser of the router-state header (null if a Next upgrade moved it: then Next alone judges). */
function nextRouterStateParser(require) {
  try {
    return require("next/dist/server/app-render/parse-and-validate-flight-router-state").parseAndValidateFlightRouterState;
  } catch {
    console.warn("[serve] Next's router-state parser not found: malformed RSC headers are left to Next");
    return null;
  }
}

/** `-p 3100 -H 127.0.0.1 --standalone` → options (PORT/HOSTNAME from `env` as described above). */
export function serveOptions(argv, env) {
  const flag = (short, long) => {
    const i = argv.findIndex((a) => a === short || a === long);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("-")) throw new Error(`${long} needs a value`);
    return v;
  };
  const standalone = argv.includes("--standalone");
  const rawPort = flag("-p", "--port") ?? env.PORT ?? "3000";
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) throw new Error(`port must be a whole number up to 65535, got ${JSON.stringify(rawPort)}`);
  const hostname = flag("-H", "--hostname") ?? (standalone ? (env.HOSTNAME ?? "0.0.0.0") : undefined);
  const keepAlive = Number.parseInt(env.KEEP_ALIVE_TIMEOUT ?? "", 10);
  return { port: Number(rawPort), hostname, standalone, keepAliveTimeout: Number.isFinite(keepAlive) && keepAlive >= 0 ? keepAlive : undefined };
}

/** The URL Next uses to call itself (action forwarding, redirects): as `next start` sets it, never from the Host header. */
function selfOrigin(hostname, port) {
  const h = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
  return `http://${h}:${port}`;
}

async function main() {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const opts = serveOptions(process.argv.slice(2), process.env);
  process.env.NODE_ENV = "production";
  if (opts.standalone) {
    // What the standalone server.js does: the build's own configuration, no next.config.js needed.
    process.chdir(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8"));
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...manifest.config, distDir: "./.next" });
  }
  const require = createRequire(import.meta.url);
  const next = require("next");
  const app = next({ dev: false, dir, hostname: opts.hostname ?? "localhost", port: opts.port });
  const server = http.createServer();
  if (opts.keepAliveTimeout !== undefined) server.keepAliveTimeout = opts.keepAliveTimeout;
  await app.prepare();
  server.on("request", appendPeerListener(withApiFastPath(app.getRequestHandler()), nextRouterStateParser(require)));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = selfOrigin(opts.hostname, port);
  console.log(`[serve] Ready on ${process.env.__NEXT_PRIVATE_ORIGIN} (X-Forwarded-For gets the socket address appended)`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    // Stop accepting, let the requests in flight finish (idle keep-alive connections are closed), then Next.
    server.close(async () => {
      await app.close().catch((e) => console.error(e));
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
    server.closeIdleConnections();
    // A request that never ends must not keep the process up (Docker's own limit is 10 s).
    setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 25_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
