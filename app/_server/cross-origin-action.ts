import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, isMultipart } from "@/lib/platform/http/action-reply";
import { isSameOrigin, readBodyLimited } from "./request-body";
import { refuse } from "./route";

const API_PATH = /^\/api(\/|$)/;

/**
 * A POST that Next.js may run as a server action: a fetch action (`Next-Action` header, any path)
 * or a form posted without JavaScript (multipart to a page; route handlers under /api are not actions).
 */
export function isActionRequest(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  return isMultipart(request.headers.get("content-type")) && !API_PATH.test(new URL(request.url).pathname);
}

/**
 * A server action posted from another site (issue 13 F3): Next's own check refuses it by throwing,
 * which answers 500 (and an unparsable `Origin` throws before that). The proxy answers 403 first,
 * with the portal's error shape. Same rule as the route handlers (`isSameOrigin`): a foreign
 * `Origin` or `Sec-Fetch-Site: cross-site`.
 */
export function crossOriginActionRefusal(request: Request): Response | null {
  if (!isActionRequest(request)) return null;
  if (isSameOrigin(request)) return null;
  return refuse("auth.forbidden");
}

/**
 * A server action whose body Next/React cannot decode (issue 13 F3): Next answers those with 500
 * before any code of ours runs (lib/platform/http/action-reply.ts lists the cases). Refused here
 * with 413 `api.payload_too_large` over the action body limit, else 400 `api.invalid_json`.
 * Reads the body (Next hands the proxy a copy; the page still gets the original).
 */
export async function malformedActionRefusal(request: Request): Promise<Response | null> {
  if (!isActionRequest(request) || API_PATH.test(new URL(request.url).pathname)) return null;
  const body = await readBodyLimited(request, ACTION_BODY_LIMIT_BYTES);
  if (body === null) return refuse("api.payload_too_large");
  const problem = await actionBodyProblem(request.headers.get("content-type"), request.headers.get("next-action"), body);
  if (!problem) return null;
  return refuse(problem.status === 413 ? "api.payload_too_large" : "api.invalid_json");
}
