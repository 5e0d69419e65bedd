import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/app/_server/auth-options";
import { gatePasswordSignIn } from "@/app/_server/sign-in-gate";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** Password sign-ins pass the throttle gate first (429 with Retry-After; issue 13 F1/F2/F4). */
async function POST(request: NextRequest, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth[0] !== "callback" || nextauth[1] !== "password") return handler(request, ctx);
  const gate = await gatePasswordSignIn(request);
  if ("refused" in gate) return gate.refused;
  const again = new NextRequest(request.url, { method: "POST", headers: request.headers, body: gate.body as BodyInit });
  return handler(again, ctx);
}

export { handler as GET, POST };
