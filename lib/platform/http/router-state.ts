/**
 * The `Next-Router-State-Tree` header of an RSC request (`RSC: 1`), checked as Next.js checks it
 * (next/dist/server/app-render/parse-and-validate-flight-router-state.js and the superstruct schema in
 * app-render/types.js). Next throws on a malformed one while reading the request, which answers 500
 * (issue 13, F3); proxy.ts answers 400 first. Pure; kept in step with Next by
 * tests/unit/http/router-state.test.ts, which compares it with Next's own function.
 */
const MAX_LENGTH = 20 * 2000;
const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const REFRESH = new Set(["refetch", "inside-shared-layout", "metadata-only"]);
const MAX_DEPTH = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function isSegment(v: unknown): boolean {
  if (typeof v === "string") return true;
  if (!Array.isArray(v) || v.length !== 4) return false;
  const [name, key, type, siblings] = v as unknown[];
  return typeof name === "string" && typeof key === "string" && PARAM_TYPES.has(type as string) && (siblings === null || (Array.isArray(siblings) && siblings.every((s) => typeof s === "string")));
}

function isTree(v: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || !Array.isArray(v) || v.length < 2 || v.length > 6) return false;
  const [segment, children, url, refresh, flags, extra] = v as unknown[];
  if (!isSegment(segment) || !isObject(children)) return false;
  for (const k in children) if (!isTree(children[k], depth + 1)) return false;
  if (!(url === undefined || url === null || (Array.isArray(url) && url.length === 2 && url.every((s) => typeof s === "string")))) return false;
  if (!(refresh === undefined || refresh === null || REFRESH.has(refresh as string))) return false;
  if (!(flags === undefined || flags === null || typeof flags === "number")) return false;
  return extra === undefined || typeof extra === "string";
}

/** null when Next accepts the header value (or there is none), else why not. */
export function routerStateProblem(header: string | null): string | null {
  if (header === null) return null;
  if (header.length > MAX_LENGTH) return "router state too large";
  let state: unknown;
  try {
    state = JSON.parse(decodeURIComponent(header));
  } catch {
    return "router state not JSON";
  }
  return isTree(state, 0) ? null : "router state malformed";
}
