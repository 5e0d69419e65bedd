import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import type { TSignInInput } from "./schemas";
import type { UserActor } from "./actor";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_LOGIN = 5;
const MAX_FAILURES_PER_IP = 30;

/** What the session keeps about a signed-in user. */
export type SessionUser = Omit<UserActor, "kind"> & { locale: string };

export const sessionUserSelect = {
  id: true,
  role: true,
  surname: true,
  givenName: true,
  patronymic: true,
  organisationId: true,
  supervisorScope: true,
  subjectId: true,
  canSign: true,
  locale: true,
  active: true,
  organisation: { select: { region: true } },
} as const;

type SelectedUser = {
  id: string;
  role: UserActor["role"];
  surname: string;
  givenName: string;
  patronymic: string | null;
  organisationId: string | null;
  supervisorScope: UserActor["supervisorScope"];
  subjectId: string | null;
  canSign: boolean;
  locale: string;
  organisation: { region: string } | null;
};

export function toSessionUser(u: SelectedUser): SessionUser {
  return {
    userId: u.id,
    role: u.role,
    name: [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" "),
    organisationId: u.organisationId,
    region: u.organisation?.region ?? null,
    supervisorScope: u.supervisorScope,
    subjectId: u.subjectId,
    canSign: u.canSign,
    locale: u.locale,
  };
}

/**
 * Password sign-in. Wrong login and wrong password give the same error; repeated failures for a
 * login or from an address are refused for a while. Every attempt is recorded and audited.
 */
export async function authenticateWithPassword(db: Db, input: TSignInInput, ctx: { now: Date; meta: RequestMeta }): Promise<SessionUser> {
  const login = input.login.trim().toLowerCase();
  const since = new Date(ctx.now.getTime() - WINDOW_MS);
  // Without a known client address (no proxy header) only the per-login limit applies: one shared
  // "unknown" bucket would let a few wrong passwords lock everybody out.
  const ipKey = ctx.meta.ip ? `ip:${ctx.meta.ip}` : null;
  const [byLogin, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { key: `login:${login}`, ok: false, at: { gte: since } } }),
    ipKey ? db.loginAttempt.count({ where: { key: ipKey, ok: false, at: { gte: since } } }) : 0,
  ]);
  if (byLogin >= MAX_FAILURES_PER_LOGIN || byIp >= MAX_FAILURES_PER_IP) {
    await recordAudit(db, { type: "auth.rate_limited", actor: null, at: ctx.now, entityType: "login", entityId: login, meta: ctx.meta });
    throw new DomainError("auth.rate_limited");
  }

  const user = await db.user.findUnique({ where: { login }, select: { ...sessionUserSelect, passwordHash: true } });
  const ok = user ? user.active && (await verifyPassword(input.password, user.passwordHash)) : (await burnPasswordCheck(input.password), false);

  await db.loginAttempt.createMany({
    data: [{ key: `login:${login}`, ok, at: ctx.now }, ...(ipKey ? [{ key: ipKey, ok, at: ctx.now }] : [])],
  });
  if (!ok || !user) {
    await recordAudit(db, { type: "auth.sign_in_failed", actor: null, at: ctx.now, entityType: "login", entityId: login, meta: ctx.meta });
    throw new DomainError("auth.invalid_credentials");
  }
  const session = toSessionUser(user);
  await recordAudit(db, {
    type: "auth.signed_in",
    actor: { kind: "user", ...session },
    at: ctx.now,
    entityType: "user",
    entityId: user.id,
    organisationId: user.organisationId,
    data: { method: "password" },
    meta: ctx.meta,
  });
  return session;
}
