import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./components/i18n/routing";
import { deploymentFromEnv, newNonce, pageHeaders, transportHeaders } from "./lib/platform/http";
import { crossOriginActionRefusal, malformedActionRefusal } from "./app/_server/cross-origin-action";

const intl = createMiddleware(routing);

/**
 * Every page request: a fresh nonce and the Content-Security-Policy built with it (issue 13, F6).
 * The policy goes on the response for the browser and on the request for Next.js, which reads the
 * nonce from the request's CSP header while rendering and puts it on its own scripts (with
 * `'strict-dynamic'` the chunks they load are trusted in turn); `x-nonce` carries it for any
 * server component that renders a script itself. Pages are rendered per request
 * (app/[locale]/layout.tsx reads the request), so every one gets its own nonce.
 * API routes get only the transport headers here (HSTS behind HTTPS); file responses set their own
 * sandbox policy (lib/platform/http/file-headers.ts).
 */
export default async function proxy(request: NextRequest): Promise<Response> {
  // Issue 13 F3: a server action from another site's Origin is a 403, and one whose arguments
  // Next cannot decode a 400/413, not Next's 500. (RSC headers never reach the proxy — Next strips
  // them — so a malformed router-state header is refused by scripts/serve.mjs.)
  const refused = crossOriginActionRefusal(request) ?? (await malformedActionRefusal(request));
  if (refused) return refused;
  const deployment = deploymentFromEnv(process.env);
  // Reached only through the action matcher below (a file-like or internal path): nothing else to do.
  if (!PAGE_OR_API.test(request.nextUrl.pathname)) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(transportHeaders(deployment))) res.headers.set(k, v);
    return res;
  }
  const nonce = newNonce();
  const headers = pageHeaders(nonce, deployment);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // next-intl forwards the headers of the request it is given to the page it routes to (rewrite or
  // next). It reads only the URL, headers and cookies, so it gets a body-less copy: a server action
  // posted to a page keeps its body untouched.
  const res = intl(new NextRequest(request.url, { headers: requestHeaders }));
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

/** The paths of the first two matchers: pages, and the API routes. */
const PAGE_OR_API = /^\/(?!api|_next|_vercel|.*\..*)|^\/api(\/|$)/;

export const config = {
  // Pages: everything except API routes, Next internals and files with an extension; and the API
  // routes for the transport headers. Any path for a POST that Next may run as a server action
  // (a dynamic page segment may hold a dot), so that the checks above see every one.
  matcher: [
    "/((?!api|_next|_vercel|.*\\..*).*)",
    "/api/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
