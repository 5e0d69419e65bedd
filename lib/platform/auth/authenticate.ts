import { DomainError } from "@/lib/platform/core";
import type { Db, DbOrTx } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import type { TSignInInput } from "./schemas";
import type { UserActor } from "./actor";
import { logger } from "@/lib/platform/log";
import type { SharedLimiter } from "@/lib/platform/limits";
import { accountDelayMs, addressKey, loginKey, passwordSignInGate, signInAddressLimiter } from "./throttle";


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
 * Password sign-in. Wrong login and wrong password give the same error. Throttling (throttle.ts,
 * README.md) is decided before the password is judged and never locks an account: an account is
 * slowed down progressively, an address over its failure limit is slowed down except for the
 * accounts that signed in from it before. Every attempt is recorded; every decision is audited.
 */
export async function authenticateWithPassword(
  db: Db,
  input: TSignInInput,
  ctx: { now: Date; meta: RequestMeta; addressLimiter?: SharedLimiter },
): Promise<SessionUser> {
  const login = input.login.trim().toLowerCase();
  const ip = ctx.meta.ip ?? null;
  // The shared per-address count exists only for a known client address.
  const addressLimiter = ctx.addressLimiter ?? (ip ? signInAddressLimiter() : null);
  const decision = await passwordSignInGate(db, { login, now: ctx.now, meta: ctx.meta, addressLimiter });

  const user = await db.user.findUnique({ where: { login }, select: { ...sessionUserSelect, passwordHash: true } });
  const ok = user ? user.active && (await verifyPassword(input.password, user.passwordHash)) : (await burnPasswordCheck(input.password), false);

  await db.loginAttempt.create({ data: { key: loginKey(login), ok, at: ctx.now, ip } });
  if (!ok || !user) {
    // The shared per-address count (all instances); the account's own count is the row above.
    const address = ip && addressLimiter ? await addressLimiter.hit(addressKey(ip), ctx.now) : null;
    const failures = decision.failures + 1;
    const delaySeconds = accountDelayMs(failures) / 1000;
    const data = { failures, knownAddress: decision.known, delaySeconds, addressRemaining: address?.remaining ?? null };
    await recordAudit(db, { type: "auth.sign_in_failed", actor: null, at: ctx.now, entityType: "login", entityId: login, data, meta: ctx.meta });
    if (delaySeconds > 0 || address?.allowed === false) logger.warn({ login, ip, ...data }, "sign-in throttled");
    throw new DomainError("auth.invalid_credentials");
  }
  return completeSignIn(db, user, ctx, { method: "password", knownAddress: decision.known });
}

/** A sign-in that succeeded (whatever the method): the session, and the audit row saying how. */
export async function completeSignIn(db: DbOrTx, user: SelectedUser, ctx: { now: Date; meta?: RequestMeta }, data: Record<string, unknown>): Promise<SessionUser> {
  const session = toSessionUser(user);
  await recordAudit(db, { type: "auth.signed_in", actor: { kind: "user", ...session }, at: ctx.now, entityType: "user", entityId: user.id, organisationId: user.organisationId, data, meta: ctx.meta });
  return session;
}
