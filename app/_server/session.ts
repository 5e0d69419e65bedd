import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound } from "next/navigation";
import { redirect } from "@/components/i18n/navigation";
import { getLocale } from "next-intl/server";
import { can, isFreshSignIn, resolveSession, sessionPolicy, type LiveSession, type Permission, type UserActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { authOptions } from "./auth-options";

const policy = sessionPolicy(process.env);

/**
 * The server-side session of this request (issue 13, F5): the JWT names it, and it is read with its
 * user in one primary-key lookup, so that signing out, the idle and absolute timeouts, a
 * deactivated account or a changed role take effect at once. A token without a live session
 * (signed out, expired, or issued before sessions were kept) gives null: signed out.
 */
const getLiveSession = cache(async (): Promise<LiveSession | null> => {
  const session = await getServerSession(authOptions);
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (typeof sid !== "string" || sid.length === 0 || sid.length > 100) return null;
  return resolveSession(getDb(), { sessionId: sid, now: new Date(), policy });
});

/** The actor of this request, from its live server-side session (see `getLiveSession`). */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const live = await getLiveSession();
  if (!live) return null;
  const { locale: _locale, ...rest } = live.user;
  return { kind: "user", ...rest };
});

/**
 * Re-authentication before a sensitive change (changing officers' roles; ASVS 4.0 V3.7.1): the
 * session must have been opened within the last 15 minutes, else `auth.reauthenticate` (the user
 * signs out and in again). Signing a decision needs no such step: the head's EDS signature over
 * the decision is itself the re-authentication.
 */
export async function requireFreshSignIn(now = new Date()): Promise<void> {
  const live = await getLiveSession();
  if (!live || !isFreshSignIn(live.signedInAt, now)) throw new DomainError("auth.reauthenticate");
}

/**
 * Requires a signed-in user holding `permission` (lib/platform/auth/permissions.ts); a visitor is
 * sent to sign-in, anyone else gets 404 (the same answer as for a page that does not exist).
 */
export async function requireActor(permission: Permission): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    const locale = await getLocale();
    return redirect({ href: "/sign-in", locale }) as never;
  }
  if (!can(actor, permission)) notFound();
  return actor;
}

/** Like `requireActor`, for an area open to holders of any of the permissions. */
export async function requireActorWithAny(permissions: readonly Permission[]): Promise<UserActor> {
  const actor = await requireActor("account.self");
  if (!permissions.some((p) => can(actor, p))) notFound();
  return actor;
}
