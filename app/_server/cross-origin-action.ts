import { isSameOrigin } from "./request-body";
import { refuse } from "./route";

/**
 * A server action posted from another site (issue 13 F3): Next's own check refuses it by throwing,
 * which answers 500. The proxy answers 403 first, with the portal's error shape. Same rule as the
 * route handlers (`isSameOrigin`): a foreign `Origin` or `Sec-Fetch-Site: cross-site`.
 */
export function crossOriginActionRefusal(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (isSameOrigin(request)) return null;
  return refuse("auth.forbidden");
}
