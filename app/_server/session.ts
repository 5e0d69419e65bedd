import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound } from "next/navigation";
import { redirect } from "@/app/_i18n/navigation";
import { getLocale } from "next-intl/server";
import { toSessionUser, sessionUserSelect, type SessionUser, type UserActor } from "@/lib/platform/auth";
import type { Role } from "@/lib/platform/db";
import { getDb } from "@/lib/platform/db";
import { authOptions } from "./auth-options";

/**
 * The actor of this request, re-read from the database so that a deactivated account or a changed
 * role takes effect at once (the session cookie only names the user).
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  const sessionUser = (session as { user?: SessionUser } | null)?.user;
  if (!sessionUser?.userId) return null;
  const user = await getDb().user.findUnique({ where: { id: sessionUser.userId }, select: sessionUserSelect });
  if (!user || !user.active) return null;
  const { locale: _locale, ...rest } = toSessionUser(user);
  return { kind: "user", ...rest };
});

/** Requires a signed-in user with one of `roles`; others are sent to sign-in or get 404. */
export async function requireActor(roles?: readonly Role[]): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    const locale = await getLocale();
    return redirect({ href: "/sign-in", locale }) as never;
  }
  if (roles && !roles.includes(actor.role)) notFound();
  return actor;
}
