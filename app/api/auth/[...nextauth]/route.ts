import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/app/_server/auth-options";
import { guardAuthRequest } from "@/app/_server/auth-request-guard";
import { gatePasswordSignIn } from "@/app/_server/sign-in-gate";

type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = NextAuth(authOptions) as (req: Request, ctx: Ctx) => Promise<Response>;

/**
 * next-auth behind a guard: malformed, oversized or foreign-redirect requests get a 4xx, never
 * next-auth's 500; password sign-ins then pass the throttle gate (429 with Retry-After; issue 13 F1/F2/F4).
 */
async function guarded(request: Request, ctx: Ctx): Promise<Response> {
  const g = await guardAuthRequest(request);
  if ("refused" in g) return g.refused;
  const { nextauth } = await ctx.params;
  if (request.method !== "POST" || nextauth[0] !== "callback" || nextauth[1] !== "password") return handler(g.request, ctx);
  const gate = await gatePasswordSignIn(g.request);
  if ("refused" in gate) return gate.refused;
  return handler(new NextRequest(g.request.url, { method: "POST", headers: g.request.headers, body: gate.body as BodyInit }), ctx);
}

export { guarded as GET, guarded as POST };
