import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound } from "next/navigation";
import { redirect } from "@/components/i18n/navigation";
import { getLocale } from "next-intl/server";
import { can, toSessionUser, sessionUserSelect, type Permission, type SessionUser, type UserActor } from "@/lib/platform/auth";
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
