import { routerStateProblem } from "@/lib/platform/http/router-state";
import { refuse } from "./route";

/**
 * An RSC request (`RSC: 1`: client navigations, prefetches) with a `Next-Router-State-Tree` header
 * Next cannot parse: Next throws while reading it (500); the proxy answers 400 `api.invalid_json`
 * first (issue 13, F3).
 */
export function routerStateRefusal(request: Request): Response | null {
  if (request.headers.get("rsc") !== "1") return null;
  return routerStateProblem(request.headers.get("next-router-state-tree")) ? refuse("api.invalid_json") : null;
}
