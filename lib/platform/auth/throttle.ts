import { isIP } from "node:net";
import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { Db, DbOrTx } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { sharedLimiter, type SharedLimiter } from "@/lib/platform/limits";
import { assertCan } from "./permissions";
import type { UserActor } from "./actor";

/**
 * Password sign-in throttling that slows guessing without letting anyone lock a user out (issue 13,
 * F1/F2; NIST SP 800-63B §5.2.2, policy in README.md):
 * - per account: after `FREE_FAILURES` consecutive failures the next attempt must wait
 *   30 s × 2^(failures − 5), at most 15 minutes; never a hard lock. A success or an administrator's
 *   clearing starts the count afresh; failures older than a day are forgotten.
 * - a known address (one this account signed in from successfully within 90 days) has its own
 *   count, of the failures from that address only: a stranger's guesses elsewhere do not delay the
 *   user at their usual address.
 * - per address: more than `ADDRESS_FAILURES` failures in 15 minutes (all accounts together,
 *   counted in the shared limiter of every instance) slow the address down, except for the accounts
 *   it is a known address of (an office NAT keeps signing in its own people).
 */
export const THROTTLE = {
  FREE_FAILURES: 5,
  BASE_DELAY_MS: 30_000,
  MAX_DELAY_MS: 15 * 60_000,
  FORGET_AFTER_MS: 24 * 60 * 60_000,
  KNOWN_ADDRESS_MS: 90 * 24 * 60 * 60_000,
  ADDRESS_FAILURES: 30,
  ADDRESS_WINDOW_SECONDS: 15 * 60,
} as const;

/** How long an account must wait after its `failures`-th consecutive failure (0: not at all). */
export function accountDelayMs(failures: number): number {
  if (failures < THROTTLE.FREE_FAILURES) return 0;
  return Math.min(THROTTLE.MAX_DELAY_MS, THROTTLE.BASE_DELAY_MS * 2 ** (failures - THROTTLE.FREE_FAILURES));
}

const signInAddressLimiterName = "signin-ip";

/** The per-address failure limit, shared by all instances. */
export function signInAddressLimiter(): SharedLimiter {
  return sharedLimiter({ name: signInAddressLimiterName, limit: THROTTLE.ADDRESS_FAILURES, windowSeconds: THROTTLE.ADDRESS_WINDOW_SECONDS });
}

export const loginKey = (login: string) => `login:${login}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export type ThrottleDecision =
  | { throttled: false; known: boolean; failures: number }
  | { throttled: true; scope: "account" | "address"; known: boolean; failures: number; retryAfterSeconds: number; until: Date };

type Lane = { failures: number; lastFailureAt: Date | null };

/** Consecutive failures of the account (or of the account from one address) since the last reset. */
async function lane(db: DbOrTx, login: string, ip: string | null, now: Date): Promise<Lane> {
  const key = loginKey(login);
  // A success resets its own lane; an administrator's clearing (ok, no address) resets every lane.
  const lastReset = await db.loginAttempt.findFirst({
    where: { key, ok: true, ...(ip ? { OR: [{ ip }, { ip: null }] } : {}) },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const forgetBefore = now.getTime() - THROTTLE.FORGET_AFTER_MS;
  const since = new Date(Math.max(forgetBefore, lastReset ? lastReset.at.getTime() + 1 : forgetBefore));
  const where = { key, ok: false, at: { gte: since, lte: now }, ...(ip ? { ip } : {}) };
  const [failures, last] = await Promise.all([
    db.loginAttempt.count({ where }),
    db.loginAttempt.findFirst({ where, orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  return { failures, lastFailureAt: last?.at ?? null };
}

/** Whether `login` has signed in successfully from `ip` recently. */
export async function isKnownAddress(db: DbOrTx, login: string, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const hit = await db.loginAttempt.findFirst({
    where: { key: loginKey(login), ok: true, ip, at: { gte: new Date(now.getTime() - THROTTLE.KNOWN_ADDRESS_MS) } },
    select: { id: true },
  });
  return hit !== null;
}

function waitFor(l: Lane, now: Date): Date | null {
  const delay = accountDelayMs(l.failures);
  if (!delay || !l.lastFailureAt) return null;
  const until = new Date(l.lastFailureAt.getTime() + delay);
  return until > now ? until : null;
}

/**
 * Whether an attempt for `login` from `ip` may be judged now. It does not depend on the password,
 * so it is decided (and refused) before the password is looked at.
 */
export async function signInThrottle(db: DbOrTx, input: { login: string; ip: string | null; now: Date; addressLimiter: SharedLimiter | null }): Promise<ThrottleDecision> {
  const { login, ip, now } = input;
  const known = await isKnownAddress(db, login, ip, now);
  const l = await lane(db, login, known ? ip : null, now);
  const until = waitFor(l, now);
  if (until) {
    return { throttled: true, scope: "account", known, failures: l.failures, until, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
  }
  if (ip && !known && input.addressLimiter) {
    const address = await input.addressLimiter.peek(addressKey(ip), now);
    if (!address.allowed) return { throttled: true, scope: "address", known, failures: l.failures, until: address.resetAt, retryAfterSeconds: address.retryAfterSeconds };
  }
  return { throttled: false, known, failures: l.failures };
}

/**
 * The gate before a password is judged: a throttled attempt is audited (`auth.rate_limited`, with
 * scope and wait) and refused with `auth.rate_limited` (`retryAfterSeconds`); otherwise the decision
 * (known address, failures so far) is returned. Used by the sign-in itself and by the next-auth
 * route, which answers 429 before next-auth runs.
 */
export async function passwordSignInGate(
  db: DbOrTx,
  /** `addressLimiter` null: no client address is known, so there is no per-address count. */
  input: { login: string; now: Date; meta: RequestMeta; addressLimiter: SharedLimiter | null },
): Promise<Extract<ThrottleDecision, { throttled: false }>> {
  const login = input.login.trim().toLowerCase();
  const decision = await signInThrottle(db, { login, ip: input.meta.ip ?? null, now: input.now, addressLimiter: input.addressLimiter });
  if (!decision.throttled) return decision;
  const data = { scope: decision.scope, knownAddress: decision.known, failures: decision.failures, retryAfterSeconds: decision.retryAfterSeconds };
  await recordAudit(db, { type: "auth.rate_limited", actor: null, at: input.now, entityType: "login", entityId: login, data, meta: input.meta });
  throw new DomainError("auth.rate_limited", { retryAfterSeconds: decision.retryAfterSeconds });
}

export type ThrottledAccount = { login: string; failures: number; lastFailureAt: Date; until: Date | null };
export type ThrottledAddress = { ip: string; failures: number; until: Date };

/**
 * What the administrator's page lists: accounts with at least `FREE_FAILURES` consecutive failures
 * (delayed now, or to be delayed on the next failure), and addresses over their failure limit.
 */
export async function listThrottled(db: DbOrTx, now: Date): Promise<{ accounts: ThrottledAccount[]; addresses: ThrottledAddress[] }> {
  const since = new Date(now.getTime() - THROTTLE.FORGET_AFTER_MS);
  const groups = await db.loginAttempt.groupBy({
    by: ["key"],
    where: { ok: false, at: { gte: since }, key: { startsWith: "login:" } },
    _count: { _all: true },
    having: { key: { _count: { gte: THROTTLE.FREE_FAILURES } } },
    orderBy: { key: "asc" },
    take: 500,
  });
  const accounts: ThrottledAccount[] = [];
  for (const g of groups) {
    const login = g.key.slice("login:".length);
    const l = await lane(db, login, null, now);
    if (l.failures < THROTTLE.FREE_FAILURES || !l.lastFailureAt) continue;
    accounts.push({ login, failures: l.failures, lastFailureAt: l.lastFailureAt, until: waitFor(l, now) });
  }
  const prefix = `${signInAddressLimiterName}:${addressKey("")}`;
  const rows = await db.rateLimit.findMany({
    where: { key: { startsWith: prefix }, points: { gt: THROTTLE.ADDRESS_FAILURES - 1 }, expire: { gt: BigInt(Date.now()) } },
    orderBy: { key: "asc" },
    take: 500,
  });
  const addresses = rows.map((r) => ({ ip: r.key.slice(prefix.length), failures: r.points, until: new Date(Number(r.expire)) }));
  return { accounts, addresses };
}

export const ZClearThrottle = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("account"), login: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal("address"), ip: z.string().trim().refine((v) => isIP(v) !== 0, "validation.invalid_format") }),
]);
export type TClearThrottle = z.output<typeof ZClearThrottle>;

/**
 * An administrator clears a throttle: an account's count starts afresh (a reset row: ok, no
 * address), or an address's failure counter is dropped from the shared limiter. Audited as
 * `auth.throttle_cleared`.
 */
export async function clearThrottle(
  db: Db,
  input: TClearThrottle,
  ctx: { actor: UserActor; now: Date; meta: RequestMeta; addressLimiter: SharedLimiter },
): Promise<void> {
  assertCan(ctx.actor, "admin.users");
  const audit = { type: "auth.throttle_cleared", actor: ctx.actor, at: ctx.now, meta: ctx.meta } as const;
  if (input.kind === "account") {
    const login = input.login.trim().toLowerCase();
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { key: loginKey(login), ok: true, ip: null, at: ctx.now } });
      await recordAudit(tx, { ...audit, entityType: "login", entityId: login, data: { kind: "account" } });
    });
    return;
  }
  await ctx.addressLimiter.reset(addressKey(input.ip));
  await recordAudit(db, { ...audit, entityType: "address", entityId: input.ip, data: { kind: "address" } });
}
