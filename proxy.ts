import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./components/i18n/routing";
import { crossOriginActionRefusal } from "./app/_server/cross-origin-action";

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  // Issue 13 F3: a server action from another site's Origin is a 403, not Next's 500.
  return crossOriginActionRefusal(request) ?? intl(request);
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
