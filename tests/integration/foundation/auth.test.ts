import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, clearThrottle, hashPassword, listThrottled, registerApplicant, registerApplicantUniformly } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createUser, uniqueBin, uniqueIin } from "../../factories";
import { testLimits, type TestLimits } from "../../support/limits";

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

const now = new Date("2026-11-30T05:00:00Z");
const meta = { ip: "10.0.0.1", userAgent: "vitest" };

describe("password sign-in", () => {
  it("signs in with the right password and audits it; the hash never leaves the data layer", async () => {
    const login = `clerk-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("correct-horse-1"), role: "OFFICE_CLERK", surname: "Сәрсенова", givenName: "Айгүл" } });
    const s = await authenticateWithPassword(t.db, { login, password: "correct-horse-1" }, { now, meta, addressLimiter: limits.limiter("signin-ip", 30, 900) });
    expect(s.role).toBe("OFFICE_CLERK");
    expect(s).not.toHaveProperty("passwordHash");
    const u = await t.db.user.findUniqueOrThrow({ where: { login } });
    expect(u).not.toHaveProperty("passwordHash");
    expect(await t.db.auditEvent.count({ where: { type: "auth.signed_in", entityId: s.userId } })).toBe(1);
  });

  it("gives one generic error for an unknown login and for a wrong password", async () => {
    const login = `head-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password"), role: "HEAD", surname: "A", givenName: "B" } });
    await expect(authenticateWithPassword(t.db, { login, password: "wrong-password" }, { now, meta: { ip: "10.0.0.2" }, addressLimiter: limits.limiter("signin-ip", 30, 900) })).rejects.toThrow("auth.invalid_credentials");
    await expect(authenticateWithPassword(t.db, { login: "nobody-here", password: "whatever" }, { now, meta: { ip: "10.0.0.2" }, addressLimiter: limits.limiter("signin-ip", 30, 900) })).rejects.toThrow("auth.invalid_credentials");
  });

});

describe("sign-in throttling: slowed, never locked (NIST SP 800-63B §5.2.2)", () => {
  const sec = (n: number) => new Date(now.getTime() + n * 1000);
  const user = async (prefix: string) => {
    const login = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password"), role: "EXECUTOR", surname: "A", givenName: "B" } });
    return login;
  };
  const attempt = (login: string, password: string, at: Date, ip: string, addressLimiter = limits.limiter("signin-ip", 30, 900)) =>
    authenticateWithPassword(t.db, { login, password }, { now: at, meta: { ip }, addressLimiter });

  it("after five failures a stranger's address waits 30 s, then 60 s…; the owner's known address signs in at once (F2)", async () => {
    const login = await user("exec");
    // The owner signed in from the office yesterday.
    await attempt(login, "right-password", new Date(now.getTime() - 86_400_000 + 60_000), "10.0.0.3");
    for (let i = 0; i < 5; i++) await expect(attempt(login, `bad-${i}`, sec(0), "198.51.100.9")).rejects.toThrow("auth.invalid_credentials");
    // The old code refused the right password for 15 minutes to everybody, the owner included.
    await expect(attempt(login, "right-password", sec(1), "198.51.100.10")).rejects.toMatchObject({ code: "auth.rate_limited", details: { retryAfterSeconds: 29 } });
    expect((await attempt(login, "right-password", sec(1), "10.0.0.3")).role).toBe("EXECUTOR");

    const other = await user("exec2");
    for (let i = 0; i < 5; i++) await expect(attempt(other, `bad-${i}`, sec(0), "198.51.100.9")).rejects.toThrow("auth.invalid_credentials");
    await expect(attempt(other, "bad-5", sec(20), "198.51.100.9")).rejects.toThrow("auth.rate_limited");
    // Refused attempts are not counted: after 30 s the sixth failure doubles the wait to 60 s.
    await expect(attempt(other, "bad-5", sec(31), "198.51.100.9")).rejects.toThrow("auth.invalid_credentials");
    await expect(attempt(other, "right-password", sec(90), "198.51.100.11")).rejects.toThrow("auth.rate_limited");
    expect((await attempt(other, "right-password", sec(92), "198.51.100.11")).role).toBe("EXECUTOR");
    // Never longer than 15 minutes, however many failures.
    const third = await user("exec3");
    for (let i = 0; i < 30; i++) await t.db.loginAttempt.create({ data: { key: `login:${third}`, ok: false, ip: "198.51.100.9", at: sec(-60 + i) } });
    await expect(attempt(third, "right-password", sec(0), "198.51.100.12")).rejects.toMatchObject({ details: { retryAfterSeconds: 15 * 60 - 31 } });
    expect((await attempt(third, "right-password", sec(15 * 60), "198.51.100.12")).role).toBe("EXECUTOR");
  });

  it("an address over its failure limit (shared counter) is slowed for strangers, never for accounts that signed in from it (F1)", async () => {
    const nat = "203.0.113.50";
    const limiter = limits.limiter("signin-ip-small", 3, 900);
    const regular = await user("office");
    const stranger = await user("visitor");
    await attempt(regular, "right-password", sec(-3600), nat, limiter);
    // Guesses at other accounts from the same NAT.
    for (let i = 0; i < 3; i++) await expect(attempt(`nobody-${i}`, "guess", sec(i), nat, limiter)).rejects.toThrow("auth.invalid_credentials");
    await expect(attempt(stranger, "right-password", sec(5), nat, limiter)).rejects.toMatchObject({ code: "auth.rate_limited" });
    expect((await attempt(regular, "right-password", sec(5), nat, limiter)).role).toBe("EXECUTOR");
    // Another address is not affected; nor does a spoofed header reach here (clientAddress, unit tests).
    expect((await attempt(stranger, "right-password", sec(6), "203.0.113.51", limiter)).role).toBe("EXECUTOR");
    const decisions = await t.db.auditEvent.findMany({ where: { type: "auth.rate_limited", entityId: stranger } });
    expect(decisions.map((d) => (d.data as { scope: string }).scope)).toEqual(["address"]);
  });

  it("an administrator sees throttled accounts and addresses and clears them, audited; others may not", async () => {
    const login = await user("head");
    const limiter = limits.limiter("signin-ip", 30, 900);
    for (let i = 0; i < 5; i++) await expect(attempt(login, `bad-${i}`, sec(0), "198.51.100.77")).rejects.toThrow("auth.invalid_credentials");
    const listed = await listThrottled(t.db, sec(1));
    expect(listed.accounts.find((a) => a.login === login)).toMatchObject({ failures: 5, until: sec(30) });
    const admin = (await createUser(t.db, "ADMIN")).actor;
    const officer = (await createUser(t.db, "EXECUTOR")).actor;
    await expect(clearThrottle(t.db, { kind: "account", login }, { actor: officer, now: sec(2), meta, addressLimiter: limiter })).rejects.toThrow("auth.forbidden");
    await clearThrottle(t.db, { kind: "account", login }, { actor: admin, now: sec(2), meta, addressLimiter: limiter });
    expect((await listThrottled(t.db, sec(3))).accounts.find((a) => a.login === login)).toBeUndefined();
    expect((await attempt(login, "right-password", sec(3), "198.51.100.77")).role).toBe("EXECUTOR");

    const small = limits.limiter("signin-ip", 30, 900);
    for (let i = 0; i < 30; i++) await expect(attempt(`ghost-${i}`, "x", sec(4), "198.51.100.88", small)).rejects.toThrow("auth.invalid_credentials");
    expect((await listThrottled(t.db, sec(5))).addresses.map((a) => a.ip)).toContain("198.51.100.88");
    await clearThrottle(t.db, { kind: "address", ip: "198.51.100.88" }, { actor: admin, now: sec(6), meta, addressLimiter: small });
    expect((await listThrottled(t.db, sec(7))).addresses.map((a) => a.ip)).not.toContain("198.51.100.88");
    const cleared = await t.db.auditEvent.findMany({ where: { type: "auth.throttle_cleared", actorId: admin.userId }, orderBy: { id: "asc" } });
    expect(cleared.map((c) => [c.entityType, c.entityId])).toEqual([["login", login], ["address", "198.51.100.88"]]);
  });
});

describe("applicant registration", () => {
  const input = (identifier: string, kind: "LEGAL_ENTITY" | "INDIVIDUAL" = "LEGAL_ENTITY") => ({
    kind,
    identifier,
    name: "ТОО «Тест»",
    surname: "Тестов",
    givenName: "Тест",
    patronymic: "",
    email: "t@example.kz",
    phone: "+7 701 000 00 00",
    password: "long-enough-password",
    passwordConfirm: "long-enough-password",
  });

  it("creates the subject and the account in one go; the BIN is the login", async () => {
    const bin = uniqueBin();
    const s = await registerApplicant(t.db, input(bin), { now, meta, locale: "ru" });
    expect(s.role).toBe("APPLICANT");
    const subject = await t.db.subject.findUniqueOrThrow({ where: { identifier: bin } });
    expect(subject.kind).toBe("LEGAL_ENTITY");
    expect((await authenticateWithPassword(t.db, { login: bin, password: "long-enough-password" }, { now, meta: { ip: "10.0.0.9" }, addressLimiter: limits.limiter("signin-ip", 30, 900) })).subjectId).toBe(subject.id);
  });

  it("refuses a second registration of the same IIN and changes nothing", async () => {
    const iin = uniqueIin();
    await registerApplicant(t.db, input(iin, "INDIVIDUAL"), { now, meta, locale: "kk" });
    const before = await t.db.user.count();
    await expect(registerApplicant(t.db, input(iin, "INDIVIDUAL"), { now, meta, locale: "kk" })).rejects.toThrow("auth.already_registered");
    expect(await t.db.user.count()).toBe(before);
  });

  it("issue 13 F10: the visitor's answer is the same for a new and an existing BIN, and the existing account is untouched", async () => {
    const bin = uniqueBin();
    const first = await registerApplicantUniformly(t.db, input(bin), { now, meta, locale: "kk" });
    const select = { id: true, passwordHash: true, email: true, locale: true } as const;
    const user = await t.db.user.findUniqueOrThrow({ where: { login: bin }, select });
    const counts = async () => [await t.db.user.count(), await t.db.subject.count(), await t.db.auditEvent.count()];
    const before = await counts();
    const second = await registerApplicantUniformly(t.db, { ...input(bin), email: "attacker@example.kz", password: "an-attackers-password", passwordConfirm: "an-attackers-password" }, { now, meta, locale: "ru" });
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).not.toContain(user.id);
    expect(await t.db.user.findUniqueOrThrow({ where: { login: bin }, select })).toEqual(user);
    expect(await counts()).toEqual(before);
  });
});
