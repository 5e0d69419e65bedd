import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth-options";
import { guardAuthRequest } from "@/app/_server/auth-request-guard";

const handler = NextAuth(authOptions) as (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** next-auth behind a guard: malformed, oversized or foreign-redirect requests get a 4xx, never next-auth's 500. */
async function guarded(request: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const g = await guardAuthRequest(request);
  if ("refused" in g) return g.refused;
  return handler(g.request, ctx);
}

export { guarded as GET, guarded as POST };
