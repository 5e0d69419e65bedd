import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, hashPassword, openSession, resolveSession, sessionPolicy, signOutSession } from "@/lib/platform/auth";
import { DEMO_STAFF_PASSWORD } from "@/prisma/seed/demo-data";
import { createTestDb, type TestDb } from "../../support/test-db";
import { testLimits, type TestLimits } from "../../support/limits";

// Server-side sessions (issue 13, F5): the JWT names a session row; signing out and the idle and
// absolute timeouts end it, after which the old token is refused.

let t: TestDb;
let limits: TestLimits;
beforeAll(async () => {
  t = await createTestDb();
  limits = testLimits(t.url);
});
afterAll(async () => {
  await limits.close();
  await t.drop();
});

const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const policy = sessionPolicy({});
const meta = { ip: "10.1.0.1", userAgent: "vitest" };

async function signIn(role: "HEAD" | "ADMIN" = "HEAD") {
  const login = `s-${role.toLowerCase()}-${Math.random().toString(36).slice(2)}`;
  await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password-1"), role, surname: "Ахметов", givenName: "Нұрлан" } });
  const user = await authenticateWithPassword(t.db, { login, password: "right-password-1" }, { now: t0, meta, addressLimiter: limits.limiter("signin-ip", 30, 900) });
  const sessionId = await openSession(t.db, { user, method: "password", now: t0, meta });
  return { user, sessionId };
}

describe("server-side sessions", () => {
  it("the defaults: 30 minutes idle, 8 hours absolute; the environment overrides them", () => {
    expect(policy).toEqual({ idleMs: 30 * 60_000, maxMs: 8 * 3_600_000, touchEveryMs: 60_000 });
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "5", SESSION_MAX_HOURS: "1" })).toMatchObject({ idleMs: 5 * 60_000, maxMs: 3_600_000 });
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "soon", SESSION_MAX_HOURS: "-2" })).toMatchObject({ idleMs: 30 * 60_000, maxMs: 8 * 3_600_000 });
  });

  it("a fresh session resolves to its user; an unknown id does not", async () => {
    const { user, sessionId } = await signIn();
    const live = await resolveSession(t.db, { sessionId, now: at(1), policy });
    expect(live).toMatchObject({ sessionId, signedInAt: t0, user: { userId: user.userId, role: "HEAD" } });
    expect(await resolveSession(t.db, { sessionId: "00000000-0000-4000-8000-000000000000", now: at(1), policy })).toBeNull();
  });

  it("sign-out revokes: the old session is refused afterwards, and the sign-out is audited once", async () => {
    const { user, sessionId } = await signIn();
    expect(await resolveSession(t.db, { sessionId, now: at(2), policy })).not.toBeNull();
    expect(await signOutSession(t.db, { sessionId, now: at(3), meta })).toBe(true);
    expect(await resolveSession(t.db, { sessionId, now: at(3), policy })).toBeNull();
    expect(await resolveSession(t.db, { sessionId, now: at(4), policy })).toBeNull();
    expect(await signOutSession(t.db, { sessionId, now: at(5), meta })).toBe(false);
    const audits = await t.db.auditEvent.findMany({ where: { type: "auth.signed_out", entityId: user.userId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: user.userId, ip: "10.1.0.1" });
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endedAt: at(3), endReason: "signed_out" });
  });

  it("idle expiry: 30 minutes without a request end the session; activity keeps it alive", async () => {
    const { user, sessionId } = await signIn();
    // Activity every 20 minutes keeps it going past the idle timeout.
    for (const m of [20, 40, 60]) expect(await resolveSession(t.db, { sessionId, now: at(m), policy })).not.toBeNull();
    expect(await resolveSession(t.db, { sessionId, now: at(89), policy })).not.toBeNull();
    // 30 minutes of silence.
    expect(await resolveSession(t.db, { sessionId, now: at(119), policy })).toBeNull();
    expect(await resolveSession(t.db, { sessionId, now: at(120), policy })).toBeNull();
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endedAt: at(119), endReason: "idle" });
    expect(await t.db.auditEvent.count({ where: { type: "auth.session_expired", entityId: user.userId } })).toBe(1);
  });

  it("absolute expiry: after 8 hours the session ends however active it was", async () => {
    const { sessionId } = await signIn();
    for (let m = 25; m < 8 * 60; m += 25) expect(await resolveSession(t.db, { sessionId, now: at(m), policy })).not.toBeNull();
    expect(await resolveSession(t.db, { sessionId, now: at(8 * 60), policy })).toBeNull();
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "expired" });
  });

  it("last-seen is written at most once a minute", async () => {
    const { sessionId } = await signIn();
    const seen = async () => (await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    await resolveSession(t.db, { sessionId, now: new Date(t0.getTime() + 30_000), policy });
    expect(await seen()).toEqual(t0);
    await resolveSession(t.db, { sessionId, now: new Date(t0.getTime() + 61_000), policy });
    expect(await seen()).toEqual(new Date(t0.getTime() + 61_000));
    await resolveSession(t.db, { sessionId, now: new Date(t0.getTime() + 90_000), policy });
    expect(await seen()).toEqual(new Date(t0.getTime() + 61_000));
  });

  it("a deactivated account's session is refused at once; sessions are per sign-in", async () => {
    const { user, sessionId } = await signIn();
    const second = await openSession(t.db, { user, method: "password", now: at(1), meta });
    await signOutSession(t.db, { sessionId, now: at(2), meta });
    expect(await resolveSession(t.db, { sessionId: second, now: at(2), policy })).not.toBeNull();
    await t.db.user.update({ where: { id: user.userId }, data: { active: false } });
    expect(await resolveSession(t.db, { sessionId: second, now: at(3), policy })).toBeNull();
  });
});

describe("next-auth wiring (app/_server/auth-options.ts)", () => {
  it("a password sign-in puts a session id into the JWT; signing out refuses that token afterwards", async () => {
    (globalThis as unknown as { __db?: unknown }).__db = t.db; // the app's getDb() → this test's database
    const { authOptions } = await import("@/app/_server/auth-options");
    const login = `wired-${Math.random().toString(36).slice(2)}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password-2"), role: "EXECUTOR", surname: "Ким", givenName: "Ирина" } });
    // next-auth merges the provider's options (id "password", authorize) over its defaults when serving.
    type Provider = { options: { id: string; authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<Record<string, unknown>> } };
    const provider = (authOptions.providers as unknown as Provider[]).find((p) => p.options.id === "password")!;
    const user = await provider.options.authorize({ login, password: "right-password-2" }, { headers: { "user-agent": "vitest" } });
    const callbacks = authOptions.callbacks as unknown as {
      jwt: (p: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;
      session: (p: { session: Record<string, unknown>; token: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    };
    const token = await callbacks.jwt({ token: { sub: String(user.id) }, user });
    const session = await callbacks.session({ session: {}, token });
    const sid = session.sid as string;
    expect(typeof sid).toBe("string");
    expect(session.user).not.toHaveProperty("sessionId");
    expect(await resolveSession(t.db, { sessionId: sid, now: new Date(), policy })).toMatchObject({ user: { role: "EXECUTOR" } });

    await (authOptions.events as unknown as { signOut: (m: { token: Record<string, unknown> }) => Promise<void> }).signOut({ token });
    // The same token (a kept or copied cookie) names an ended session now: signed out.
    const again = await callbacks.session({ session: {}, token });
    expect(again.sid).toBe(sid);
    expect(await resolveSession(t.db, { sessionId: sid, now: new Date(), policy })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { type: "auth.signed_out", entityId: String(user.userId) } })).toBe(1);
  });

  it("outside demo mode a demo account cannot sign in with the published demo password (issue 13, F7)", async () => {
    (globalThis as unknown as { __db?: unknown }).__db = t.db;
    const { authOptions } = await import("@/app/_server/auth-options");
    type Provider = { options: { id: string; authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<Record<string, unknown>> } };
    const authorize = (login: string, password: string) =>
      (authOptions.providers as unknown as Provider[]).find((p) => p.options.id === "password")!.options.authorize({ login, password }, { headers: {} });
    await t.db.user.create({ data: { login: "admin", passwordHash: await hashPassword(DEMO_STAFF_PASSWORD), role: "ADMIN", surname: "Әбенов", givenName: "Серік" } });
    const before = process.env.DEMO_MODE;
    try {
      delete process.env.DEMO_MODE;
      await expect(authorize("admin", DEMO_STAFF_PASSWORD)).rejects.toThrow("auth.invalid_credentials");
      expect(await t.db.auditEvent.count({ where: { type: "auth.sign_in_failed", entityId: "admin" } })).toBe(1);
      process.env.DEMO_MODE = "1";
      expect(await authorize("admin", DEMO_STAFF_PASSWORD)).toMatchObject({ role: "ADMIN" });
      // An administrator who kept the login "admin" but has a password of their own is not affected.
      delete process.env.DEMO_MODE;
      await t.db.user.update({ where: { login: "admin" }, data: { passwordHash: await hashPassword("a-real-secret-9") } });
      expect(await authorize("admin", "a-real-secret-9")).toMatchObject({ role: "ADMIN" });
    } finally {
      if (before === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = before;
    }
  });
});
