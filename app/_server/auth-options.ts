import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword, openSession, sessionPolicy, signOutSession, ZSignInInput, type SessionUser } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { authCookies, isHttpsDeployment } from "@/lib/platform/http";
import { clientAddress } from "@/lib/platform/limits";
import { isDemoMode } from "@/lib/platform/demo";
import { logger } from "@/lib/platform/log";
import { DEMO_APPLICANT_PASSWORD, DEMO_APPLICANTS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@/prisma/seed/demo-data";
import { ZEdsSignInInput, authenticateWithEds, decodeBase64 } from "@/lib/trust/certificates";

function metaFrom(req: { headers?: Record<string, unknown> } | undefined) {
  const h = (req?.headers ?? {}) as Record<string, string | undefined>;
  return { ip: clientAddress(h["x-forwarded-for"]), userAgent: h["user-agent"] ?? null };
}

/** What `authorize` hands to the jwt callback: the session user and the server-side session's id. */
type SignedIn = SessionUser & { id: string; sessionId: string };

/**
 * The demo accounts (prisma/seed): their passwords and EDS keys are public, so outside demo mode
 * (DEMO_MODE=1) they cannot sign in even where a demo seed once created them (issue 13, F7): a
 * demo login with the published demo password, or an EDS sign-in as a demo applicant (whose key
 * stores were downloadable). An account that merely shares a demo login ("admin") with a
 * password of its own is not affected.
 */
const DEMO_LOGINS = new Set<string>([...DEMO_STAFF.map((s) => s.login.toLowerCase()), ...DEMO_APPLICANTS.map((a) => a.identifier)]);
const DEMO_APPLICANT_LOGINS = new Set<string>(DEMO_APPLICANTS.map((a) => a.identifier));
const DEMO_PASSWORDS = new Set<string>([DEMO_STAFF_PASSWORD, DEMO_APPLICANT_PASSWORD]);
const demoRefusal = (method: "password" | "eds", password?: string) => (login: string) =>
  !isDemoMode(process.env) && (method === "eds" ? DEMO_APPLICANT_LOGINS.has(login) : DEMO_LOGINS.has(login.toLowerCase()) && DEMO_PASSWORDS.has(password ?? ""));

/** A server-side session for a user who has just signed in (issue 13, F5); its id goes into the JWT. */
async function signedIn(user: SessionUser, method: "password" | "eds", now: Date, meta: RequestMeta, password?: string): Promise<SignedIn> {
  const sessionId = await openSession(getDb(), { user, method, now, meta, refuseLogin: demoRefusal(method, password) });
  return { id: user.userId, ...user, sessionId };
}

export const authOptions: NextAuthOptions = {
  // The JWT lives no longer than the absolute timeout; the server-side session (checked by
  // getActor on every request) ends earlier on sign-out or after the idle timeout.
  session: { strategy: "jwt", maxAge: sessionPolicy(process.env).maxMs / 1000 },
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
          const now = new Date();
          const meta = metaFrom(req);
          const user = await authenticateWithPassword(getDb(), parsed.data, { now, meta });
          return await signedIn(user, "password", now, meta, parsed.data.password);
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
          const now = new Date();
          const meta = metaFrom(req);
          const user = await authenticateWithEds(getDb(), { challengeId: parsed.data.challengeId, cms: decodeBase64(parsed.data.cms) }, { now, meta });
          return await signedIn(user, "eds", now, meta);
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
      if (user) {
        const { id: _id, sessionId, ...sessionUser } = user as unknown as SignedIn;
        token.user = sessionUser;
        token.sid = sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      (session as unknown as { user: SessionUser }).user = token.user as SessionUser;
      // Read by getActor (app/_server/session.ts), which checks the server-side session on every request.
      (session as unknown as { sid?: unknown }).sid = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends the server-side session: the cookie, if kept or copied, no longer works.
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      try {
        const { requestMeta } = await import("./request-meta");
        await signOutSession(getDb(), { sessionId: token.sid, now: new Date(), meta: await requestMeta().catch(() => ({})) });
      } catch (e) {
        logger.error({ err: e }, "ending the session on sign-out failed");
      }
    },
  },
};
