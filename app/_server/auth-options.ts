import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword, ZSignInInput, type SessionUser } from "@/lib/platform/auth";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { authCookies, isHttpsDeployment } from "@/lib/platform/http";
import { clientAddress } from "@/lib/platform/limits";
import { logger } from "@/lib/platform/log";
import { ZEdsSignInInput, authenticateWithEds, decodeBase64 } from "@/lib/trust/certificates";

function metaFrom(req: { headers?: Record<string, unknown> } | undefined) {
  const h = (req?.headers ?? {}) as Record<string, string | undefined>;
  return { ip: clientAddress(h["x-forwarded-for"]), userAgent: h["user-agent"] ?? null };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/kk/sign-in" },
  secret: process.env.NEXTAUTH_SECRET,
  // Behind HTTPS: `__Host-` cookies, Secure, Path=/, no Domain; over plain http next-auth's defaults.
  cookies: authCookies(isHttpsDeployment(process.env.NEXTAUTH_URL)),
  providers: [
    CredentialsProvider({
      id: "password",
      name: "password",
      credentials: { login: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZSignInInput.safeParse(credentials);
        if (!parsed.success) throw new Error("auth.invalid_credentials");
        try {
          const user = await authenticateWithPassword(getDb(), parsed.data, { now: new Date(), meta: metaFrom(req) });
          return { id: user.userId, ...user };
        } catch (e) {
          if (isDomainError(e)) throw new Error(e.code);
          logger.error({ err: e }, "password sign-in failed unexpectedly");
          throw new Error("errors.unexpected");
        }
      },
    }),
    // EDS sign-in: the browser signed a one-time challenge (/api/auth/eds-challenge) with the
    // authentication key; the account is the applicant whose login is the certificate's BIN or IIN.
    CredentialsProvider({
      id: "eds",
      name: "eds",
      credentials: { challengeId: { type: "text" }, cms: { type: "text" } },
      async authorize(credentials, req) {
        const parsed = ZEdsSignInInput.safeParse(credentials);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message.startsWith("eds.") ? parsed.error.issues[0].message : "eds.errors.malformed_input");
        try {
          const user = await authenticateWithEds(getDb(), { challengeId: parsed.data.challengeId, cms: decodeBase64(parsed.data.cms) }, { now: new Date(), meta: metaFrom(req) });
          return { id: user.userId, ...user };
        } catch (e) {
          if (isDomainError(e)) throw new Error(e.code);
          logger.error({ err: e }, "EDS sign-in failed unexpectedly");
          throw new Error("errors.unexpected");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.user = user as unknown as SessionUser;
      return token;
    },
    async session({ session, token }) {
      (session as unknown as { user: SessionUser }).user = token.user as SessionUser;
      return session;
    },
  },
};
