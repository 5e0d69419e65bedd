import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, hashPassword, registerApplicant, registerApplicantUniformly } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { uniqueBin, uniqueIin } from "../../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const now = new Date("2026-11-30T05:00:00Z");
const meta = { ip: "10.0.0.1", userAgent: "vitest" };

describe("password sign-in", () => {
  it("signs in with the right password and audits it; the hash never leaves the data layer", async () => {
    const login = `clerk-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("correct-horse-1"), role: "OFFICE_CLERK", surname: "Сәрсенова", givenName: "Айгүл" } });
    const s = await authenticateWithPassword(t.db, { login, password: "correct-horse-1" }, { now, meta });
    expect(s.role).toBe("OFFICE_CLERK");
    expect(s).not.toHaveProperty("passwordHash");
    const u = await t.db.user.findUniqueOrThrow({ where: { login } });
    expect(u).not.toHaveProperty("passwordHash");
    expect(await t.db.auditEvent.count({ where: { type: "auth.signed_in", entityId: s.userId } })).toBe(1);
  });

  it("gives one generic error for an unknown login and for a wrong password", async () => {
    const login = `head-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password"), role: "HEAD", surname: "A", givenName: "B" } });
    await expect(authenticateWithPassword(t.db, { login, password: "wrong-password" }, { now, meta: { ip: "10.0.0.2" } })).rejects.toThrow("auth.invalid_credentials");
    await expect(authenticateWithPassword(t.db, { login: "nobody-here", password: "whatever" }, { now, meta: { ip: "10.0.0.2" } })).rejects.toThrow("auth.invalid_credentials");
  });

  it("refuses further attempts after five failures in 15 minutes, even with the right password", async () => {
    const login = `exec-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password"), role: "EXECUTOR", surname: "A", givenName: "B" } });
    for (let i = 0; i < 5; i++) {
      await expect(authenticateWithPassword(t.db, { login, password: `bad-${i}` }, { now, meta: { ip: "10.0.0.3" } })).rejects.toThrow("auth.invalid_credentials");
    }
    await expect(authenticateWithPassword(t.db, { login, password: "right-password" }, { now, meta: { ip: "10.0.0.3" } })).rejects.toThrow("auth.rate_limited");
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await authenticateWithPassword(t.db, { login, password: "right-password" }, { now: later, meta: { ip: "10.0.0.3" } })).role).toBe("EXECUTOR");
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
    expect((await authenticateWithPassword(t.db, { login: bin, password: "long-enough-password" }, { now, meta: { ip: "10.0.0.9" } })).subjectId).toBe(subject.id);
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
