import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { DbOrTx } from "@/lib/platform/db";
import { sessionUserSelect, toSessionUser, type SessionUser } from "./authenticate";

/**
 * Server-side sessions (issue 13, F5; ASVS 4.0 V3.3). The next-auth JWT names a `UserSession` row;
 * every request that resolves the actor reads that row with its user (one primary-key lookup), so
 * that signing out, the idle timeout and the absolute timeout end the session on the server: the
 * old cookie then names an ended session and is refused. `lastSeenAt` is written at most once per
 * `touchEveryMs`, not on every request.
 */
export type SessionPolicy = { idleMs: number; maxMs: number; touchEveryMs: number };

const MINUTE = 60_000;

const ZSessionEnv = z.object({
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).catch(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).catch(8),
});

/**
 * The policy from the environment: `SESSION_IDLE_MINUTES` (default 30) and `SESSION_MAX_HOURS`
 * (default 8); a missing or malformed value falls back to the default.
 */
export function sessionPolicy(env: Record<string, string | undefined>): SessionPolicy {
  const e = ZSessionEnv.parse({ SESSION_IDLE_MINUTES: env.SESSION_IDLE_MINUTES || undefined, SESSION_MAX_HOURS: env.SESSION_MAX_HOURS || undefined });
  return { idleMs: e.SESSION_IDLE_MINUTES * MINUTE, maxMs: e.SESSION_MAX_HOURS * 60 * MINUTE, touchEveryMs: MINUTE };
}

export type SessionEndReason = "signed_out" | "idle" | "expired";

/** What to do with a session row at `now` (pure). */
export function sessionState(
  row: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null },
  now: Date,
  policy: SessionPolicy,
): { kind: "ended" } | { kind: "end"; reason: "idle" | "expired" } | { kind: "live"; touch: boolean } {
  if (row.endedAt) return { kind: "ended" };
  const t = now.getTime();
  if (t - row.createdAt.getTime() >= policy.maxMs) return { kind: "end", reason: "expired" };
  if (t - row.lastSeenAt.getTime() >= policy.idleMs) return { kind: "end", reason: "idle" };
  return { kind: "live", touch: t - row.lastSeenAt.getTime() >= policy.touchEveryMs };
}

/**
 * Opens a session for a user who has just proven who they are; returns its id (for the JWT).
 * `refuseLogin` names accounts that may not sign in here (outside demo mode, the demo accounts,
 * whose passwords and keys are public: issue 13, F7); those get `auth.invalid_credentials`.
 */
export async function openSession(
  db: DbOrTx,
  input: { user: SessionUser; method: "password" | "eds"; now: Date; meta: RequestMeta; refuseLogin?: (login: string) => boolean },
): Promise<string> {
  if (input.refuseLogin) {
    const account = await db.user.findUnique({ where: { id: input.user.userId }, select: { login: true } });
    if (!account || input.refuseLogin(account.login)) {
      await recordAudit(db, {
        type: "auth.sign_in_failed",
        actor: null,
        at: input.now,
        entityType: "login",
        entityId: account?.login ?? input.user.userId,
        data: { method: input.method, reason: "demo_account_outside_demo_mode" },
        meta: input.meta,
      });
      throw new DomainError("auth.invalid_credentials");
    }
  }
  const row = await db.userSession.create({
    data: {
      userId: input.user.userId,
      method: input.method,
      createdAt: input.now,
      lastSeenAt: input.now,
      ip: input.meta.ip ?? null,
      userAgent: input.meta.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export type LiveSession = { sessionId: string; user: SessionUser; signedInAt: Date };

/**
 * The live session named by `sessionId` with its (active) user, or null. A session past its idle
 * or absolute timeout is ended here, once, and audited.
 */
export async function resolveSession(db: DbOrTx, input: { sessionId: string; now: Date; policy: SessionPolicy }): Promise<LiveSession | null> {
  const row = await db.userSession.findUnique({
    where: { id: input.sessionId },
    select: { id: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: sessionUserSelect } },
  });
  if (!row) return null;
  const state = sessionState(row, input.now, input.policy);
  if (state.kind === "ended") return null;
  const user = toSessionUser(row.user);
  if (state.kind === "end") {
    await endSession(db, { sessionId: row.id, user, reason: state.reason, now: input.now, meta: {} });
    return null;
  }
  if (!row.user.active) return null;
  if (state.touch) {
    // Conditional: concurrent requests of the same minute do not all write.
    await db.userSession.updateMany({
      where: { id: row.id, endedAt: null, lastSeenAt: { lte: new Date(input.now.getTime() - input.policy.touchEveryMs) } },
      data: { lastSeenAt: input.now },
    });
  }
  return { sessionId: row.id, user, signedInAt: row.createdAt };
}

/** Signing out: ends the session (the old cookie is refused from now on) and audits it. Idempotent. */
export async function signOutSession(db: DbOrTx, input: { sessionId: string; now: Date; meta: RequestMeta }): Promise<boolean> {
  const row = await db.userSession.findUnique({ where: { id: input.sessionId }, select: { id: true, user: { select: sessionUserSelect } } });
  if (!row) return false;
  return endSession(db, { sessionId: row.id, user: toSessionUser(row.user), reason: "signed_out", now: input.now, meta: input.meta });
}

async function endSession(db: DbOrTx, input: { sessionId: string; user: SessionUser; reason: SessionEndReason; now: Date; meta: RequestMeta }): Promise<boolean> {
  const ended = await db.userSession.updateMany({ where: { id: input.sessionId, endedAt: null }, data: { endedAt: input.now, endReason: input.reason } });
  if (ended.count === 0) return false;
  const { locale: _locale, ...actor } = input.user;
  await recordAudit(db, {
    type: input.reason === "signed_out" ? "auth.signed_out" : "auth.session_expired",
    actor: { kind: "user", ...actor },
    at: input.now,
    entityType: "user",
    entityId: input.user.userId,
    organisationId: input.user.organisationId,
    data: { sessionId: input.sessionId, reason: input.reason },
    meta: input.meta,
  });
  return true;
}

/**
 * Re-authentication for sensitive actions (ASVS 4.0 V3.7.1): the session must have been opened
 * (a password or EDS sign-in) within `withinMs`. Signing a decision needs no extra step: the EDS
 * signature itself proves possession of the signing key at that moment.
 */
export function isFreshSignIn(signedInAt: Date, now: Date, withinMs = 15 * MINUTE): boolean {
  return now.getTime() - signedInAt.getTime() <= withinMs;
}
