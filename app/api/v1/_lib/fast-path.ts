import type { IncomingMessage, ServerResponse } from "node:http";
import { STATIC_HEADERS, deploymentFromEnv, transportHeaders } from "@/lib/platform/http";
import { sendWebResponse, toWebRequest } from "@/lib/platform/http/node-bridge";
import { logger } from "@/lib/platform/log";
import type { ApiRoute } from "./with-api";

/**
 * The /api/v1 fast path (issue 14): the integrators' requests — those that carry `Authorization` —
 * go from scripts/serve.mjs straight to the same route handlers Next would call, without Next's
 * router and proxy.ts. Measured on this machine: Next around a trivial route cost about 1.5 ms of CPU
 * per request (its routing, the proxy, its request and response wrappers), and around a submission
 * 5 ms — half of the portal's CPU for one (docs/performance.md).
 *
 * Only requests that need nothing from Next take it: a token-authenticated call never reads the
 * session cookie (withApi: a sent token decides), so `next/headers` is not needed. Everything else
 * (the portal's own calls with the session cookie, HEAD, unknown paths or methods, trailing
 * slashes) goes to Next as before. Responses carry what Next would add: the static headers of
 * next.config.js, HSTS behind HTTPS (proxy.ts), gzip for large bodies.
 */

type Compiled = { method: string; pattern: RegExp; names: string[]; route: ApiRoute };

/** `/api/v1/applications/{id}/submit` → a pattern with one capture per `{name}` (one path segment each). */
function compile(route: ApiRoute): Compiled {
  const names: string[] = [];
  const source = route.operation.path
    .split("/")
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(m[1]!);
      return "([^/]+)";
    })
    .join("/");
  return { method: route.operation.method, pattern: new RegExp(`^${source}$`), names, route };
}

type ApiMatch = { route: ApiRoute; params: Record<string, string> };

/** The route and decoded path parameters for a method and path (without the query), or null. */
function matchApiRoute(routes: readonly Compiled[], method: string, pathname: string): ApiMatch | null {
  for (const c of routes) {
    if (c.method !== method) continue;
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      c.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    } catch {
      return null; // a malformed escape: Next answers it
    }
    return { route: c.route, params };
  }
  return null;
}

/** Whether the request is one the fast path may serve without Next (see above). */
function eligible(req: IncomingMessage): boolean {
  return req.url !== undefined && req.url.startsWith("/api/v1/") && req.headers.authorization !== undefined;
}

/**
 * A request listener in front of Next: serves the eligible /api/v1 requests and returns true, or
 * returns false (untouched) for Next to serve.
 */
export function apiFastPath(routes: readonly ApiRoute[], env: NodeJS.ProcessEnv): (req: IncomingMessage, res: ServerResponse) => boolean {
  const compiled = routes.map(compile);
  const extra: Record<string, string> = Object.fromEntries(STATIC_HEADERS.map((h) => [h.key, h.value]));
  Object.assign(extra, transportHeaders(deploymentFromEnv(env)));
  return (req, res) => {
    if (!eligible(req)) return false;
    const q = req.url!.indexOf("?");
    const match = matchApiRoute(compiled, req.method ?? "", q === -1 ? req.url! : req.url!.slice(0, q));
    if (!match) return false;
    const request = toWebRequest(req);
    if (!request) return false;
    void serve(req, res, request, match, extra);
    return true;
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, request: Request, match: ApiMatch, extra: Record<string, string>): Promise<void> {
  try {
    const response = await match.route(request, { params: Promise.resolve(match.params) });
    await sendWebResponse(req, res, response, extra);
  } catch (e) {
    // withApi answers every error itself; this is the bridge failing (a socket gone mid-answer).
    logger.error({ err: e, operationId: match.route.operation.operationId }, "API fast path: response not written");
    if (!res.headersSent) {
      res.writeHead(500, { ...extra, "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: { code: "errors.unexpected", message: "Unexpected error." } }));
    } else res.destroy();
  }
}
