import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfficer, getOfficer, listOfficers, resetOfficerPassword, setOfficerActive, updateOfficer, type TCreateOfficerInput } from "@/lib/oversight/admin";
import { authenticateWithPassword, type UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { testLimits, type TestLimits } from "../../support/limits";
import { loadReferenceData } from "../../support/reference-data";
import { createApplication, createSubject, createUser, uniqueIin } from "../../factories";
import { auditRows, domainError, meta, zodIssues } from "./helpers";

let t: TestDb;
let limits: TestLimits;
let admin: UserActor;
let aktobe: string;
let atyrau: string;
const now = new Date("2026-11-30T05:00:00Z");
// Each sign-in attempt from its own address, so the failed attempts below never hit the rate limit.
let ipSeq = 0;
const signIn = (login: string, password: string) => authenticateWithPassword(t.db, { login, password }, { now, meta: { ip: `10.1.0.${++ipSeq}` }, addressLimiter: limits.limiter("signin-ip", 30, 900) });

beforeAll(async () => {
  t = await createTestDb();
  limits = testLimits(t.url);
  await loadReferenceData(t.db);
  aktobe = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  admin = (await createUser(t.db, "ADMIN")).actor;
});
afterAll(async () => {
  await limits?.close();
  await t?.drop();
});

function officer(over: Partial<TCreateOfficerInput> = {}): TCreateOfficerInput {
  return {
    login: `officer.${Math.random().toString(36).slice(2, 8)}`,
    surname: "Ермекова",
    givenName: "Айжан",
    patronymic: "Серікқызы",
    iin: uniqueIin(),
    email: "aizhan@example.kz",
    phone: "+7 701 000 00 00",
    role: "EXECUTOR",
    organisationId: aktobe,
    canSign: false,
    passwordMode: "set",
    password: "Initial-Pass-2026",
    ...over,
  };
}

describe("officers (admin)", () => {
  it("creates an officer with a generated password shown once; they can sign in with it", async () => {
    const r = await createOfficer(t.db, admin, officer({ login: "Aktobe.Newcomer", passwordMode: "generate", password: null }), { now, meta });
    expect(r.login).toBe("aktobe.newcomer");
    expect(r.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const s = await signIn("aktobe.newcomer", r.generatedPassword!);
    expect(s).toMatchObject({ userId: r.id, role: "EXECUTOR", organisationId: aktobe, canSign: false });

    const [audit] = await auditRows(t.db, "admin.user_created", r.id);
    expect(audit).toMatchObject({ actorId: admin.userId, organisationId: aktobe, at: now });
    expect(JSON.stringify(audit!.data)).not.toContain(r.generatedPassword!);
    expect(audit!.data).toMatchObject({ login: "aktobe.newcomer", role: "EXECUTOR", passwordMode: "generate" });
  });

  it("creates a head with the signing right and a supervisor with a scope, with a password set by the admin", async () => {
    const h = await createOfficer(t.db, admin, officer({ role: "HEAD", canSign: true }), { now, meta });
    expect(h.generatedPassword).toBeNull();
    expect(await getOfficer(t.db, admin, h.id)).toMatchObject({ role: "HEAD", canSign: true, supervisorScope: null, active: true });
    const s = await createOfficer(t.db, admin, officer({ role: "SUPERVISOR", supervisorScope: "REGION" }), { now, meta });
    expect(await getOfficer(t.db, admin, s.id)).toMatchObject({ role: "SUPERVISOR", supervisorScope: "REGION", canSign: false });
  });

  it("refuses an invalid IIN, a short password, an all-digit login and inconsistent role fields, naming the field", async () => {
    expect(await zodIssues(createOfficer(t.db, admin, officer({ iin: "900412400015" }), { now, meta }))).toEqual({ iin: "validation.iin_invalid" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ password: "short-9ch" }), { now, meta }))).toEqual({ password: "validation.password_too_short" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ login: "900412400014" }), { now, meta }))).toEqual({ login: "admin.login_format" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ role: "EXECUTOR", canSign: true }), { now, meta }))).toEqual({ canSign: "admin.sign_right_role" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ role: "SUPERVISOR" }), { now, meta }))).toEqual({ supervisorScope: "admin.supervisor_scope_required" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ role: "HEAD", supervisorScope: "ALL" }), { now, meta }))).toEqual({ supervisorScope: "admin.supervisor_scope_role" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ organisationId: null }), { now, meta }))).toEqual({ organisationId: "admin.organisation_required" });
    expect(await zodIssues(createOfficer(t.db, admin, officer({ email: "not-an-email" }), { now, meta }))).toEqual({ email: "validation.email" });
  });

  it("refuses a duplicate login (any case) and a second active staff account for the same IIN", async () => {
    const first = officer({ login: "dup.login" });
    await createOfficer(t.db, admin, first, { now, meta });
    const dup = await domainError(createOfficer(t.db, admin, officer({ login: "DUP.Login" }), { now, meta }));
    expect(dup).toMatchObject({ code: "admin.login_taken", details: { fieldErrors: { login: "admin.login_taken" } } });
    const sameIin = await domainError(createOfficer(t.db, admin, officer({ iin: first.iin }), { now, meta }));
    expect(sameIin).toMatchObject({ code: "admin.iin_taken", details: { fieldErrors: { iin: "admin.iin_taken" } } });
    expect(await t.db.user.count({ where: { login: { in: ["dup.login"] } } })).toBe(1);
  });

  it("refuses an inactive organisation", async () => {
    await t.db.organisation.update({ where: { id: atyrau }, data: { active: false } });
    try {
      expect((await domainError(createOfficer(t.db, admin, officer({ organisationId: atyrau }), { now, meta }))).code).toBe("admin.organisation_inactive");
    } finally {
      await t.db.organisation.update({ where: { id: atyrau }, data: { active: true } });
    }
  });

  it("lists officers per organisation with role and active filters", async () => {
    const a = await createOfficer(t.db, admin, officer({ role: "OFFICE_CLERK", organisationId: atyrau, surname: "Аманова" }), { now, meta });
    const b = await createOfficer(t.db, admin, officer({ role: "EXECUTOR", organisationId: atyrau, surname: "Бекова" }), { now, meta });
    await setOfficerActive(t.db, admin, { id: b.id, active: false }, { now, meta });
    const all = await listOfficers(t.db, admin, { organisationId: atyrau });
    expect(all.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await listOfficers(t.db, admin, { organisationId: atyrau, role: "EXECUTOR" })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listOfficers(t.db, admin, { organisationId: atyrau, active: true })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listOfficers(t.db, admin, { organisationId: atyrau, active: false })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listOfficers(t.db, admin, { q: "аманова" })).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it("edits role, organisation and signing right; the change is audited", async () => {
    const o = await createOfficer(t.db, admin, officer(), { now, meta });
    const current = await getOfficer(t.db, admin, o.id);
    const r = await updateOfficer(t.db, admin, { id: o.id, role: "DEPUTY_HEAD", organisationId: atyrau, canSign: true, expectedUpdatedAt: current.updatedAt.toISOString() }, { now, meta });
    expect(r.changed).toEqual(["role", "organisationId", "canSign"]);
    expect(await getOfficer(t.db, admin, o.id)).toMatchObject({ role: "DEPUTY_HEAD", organisationId: atyrau, canSign: true });
    const [audit] = await auditRows(t.db, "admin.user_updated", o.id);
    expect(audit!.data).toEqual({ changed: ["role", "organisationId", "canSign"], before: { role: "EXECUTOR", organisationId: aktobe, canSign: false }, after: { role: "DEPUTY_HEAD", organisationId: atyrau, canSign: true } });
    // The session is rebuilt from the row: the next sign-in (and request) carries the new role.
    expect(await signIn(current.login, "Initial-Pass-2026")).toMatchObject({ role: "DEPUTY_HEAD", canSign: true, organisationId: atyrau });
    // A stale form is refused.
    expect((await domainError(updateOfficer(t.db, admin, { id: o.id, role: "HEAD", organisationId: atyrau, canSign: true, expectedUpdatedAt: current.updatedAt.toISOString() }, { now, meta }))).code).toBe("admin.stale");
  });

  it("refuses moving an officer who still has applications assigned, and an admin changing their own role", async () => {
    const o = await createOfficer(t.db, admin, officer(), { now, meta });
    const subject = await createSubject(t.db);
    await createApplication(t.db, { organisationId: aktobe, subjectId: subject.id, createdById: o.id, assigneeId: o.id, stepRole: "EXECUTOR" });
    const e = await domainError(updateOfficer(t.db, admin, { id: o.id, role: "EXECUTOR", organisationId: atyrau }, { now, meta }));
    expect(e).toMatchObject({ code: "admin.officer_has_open_work", details: { count: 1 } });
    // The signing right alone can change (nothing else): here a no-op for an executor.
    expect((await updateOfficer(t.db, admin, { id: o.id, role: "EXECUTOR", organisationId: aktobe }, { now, meta })).changed).toEqual([]);
    expect((await getOfficer(t.db, admin, o.id)).openAssignments).toBe(1);

    const own = await domainError(updateOfficer(t.db, admin, { id: admin.userId, role: "SUPERVISOR", organisationId: aktobe, supervisorScope: "ALL" }, { now, meta }));
    expect(own.code).toBe("admin.cannot_change_own_role");
  });

  it("deactivates an officer: they can no longer sign in; an admin cannot deactivate themself", async () => {
    const o = await createOfficer(t.db, admin, officer({ login: "leaving.officer" }), { now, meta });
    expect((await signIn("leaving.officer", "Initial-Pass-2026")).userId).toBe(o.id);
    expect(await setOfficerActive(t.db, admin, { id: o.id, active: false }, { now, meta })).toMatchObject({ active: false, changed: true, openAssignments: 0 });
    await expect(signIn("leaving.officer", "Initial-Pass-2026")).rejects.toThrow("auth.invalid_credentials");
    expect(await auditRows(t.db, "admin.user_deactivated", o.id)).toHaveLength(1);
    await setOfficerActive(t.db, admin, { id: o.id, active: true }, { now, meta });
    expect((await signIn("leaving.officer", "Initial-Pass-2026")).userId).toBe(o.id);

    expect((await domainError(setOfficerActive(t.db, admin, { id: admin.userId, active: false }, { now, meta }))).code).toBe("admin.cannot_deactivate_self");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.userId } })).active).toBe(true);
  });

  it("resets a password: the new one works, the old one does not", async () => {
    const o = await createOfficer(t.db, admin, officer({ login: "forgetful" }), { now, meta });
    const r = await resetOfficerPassword(t.db, admin, { id: o.id, passwordMode: "generate" }, { now, meta });
    expect(r.generatedPassword).toHaveLength(16);
    await expect(signIn("forgetful", "Initial-Pass-2026")).rejects.toThrow("auth.invalid_credentials");
    expect((await signIn("forgetful", r.generatedPassword!)).userId).toBe(o.id);
    await resetOfficerPassword(t.db, admin, { id: o.id, passwordMode: "set", password: "Another-Pass-2026" }, { now, meta });
    expect((await signIn("forgetful", "Another-Pass-2026")).userId).toBe(o.id);
    const rows = await auditRows(t.db, "admin.user_password_reset", o.id);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows.map((x) => x.data))).not.toMatch(/Another-Pass|generatedPassword/);
    expect(await zodIssues(resetOfficerPassword(t.db, admin, { id: o.id, passwordMode: "set", password: "too-short" }, { now, meta }))).toEqual({ password: "validation.password_too_short" });
  });

  it("is forbidden to anyone but an administrator; applicants are not officers", async () => {
    const { actor: supervisor } = await createUser(t.db, "SUPERVISOR", { organisationId: aktobe, supervisorScope: "ALL" });
    const o = await createOfficer(t.db, admin, officer(), { now, meta });
    const forbidden = [
      createOfficer(t.db, supervisor, officer(), { now, meta }),
      updateOfficer(t.db, supervisor, { id: o.id, role: "HEAD", organisationId: aktobe }, { now, meta }),
      setOfficerActive(t.db, supervisor, { id: o.id, active: false }, { now, meta }),
      resetOfficerPassword(t.db, supervisor, { id: o.id, passwordMode: "generate" }, { now, meta }),
      listOfficers(t.db, supervisor, {}),
      getOfficer(t.db, supervisor, o.id),
    ];
    for (const p of forbidden) expect((await domainError(p)).code).toBe("auth.forbidden");
    const { user: applicant } = await createUser(t.db, "APPLICANT");
    expect((await domainError(getOfficer(t.db, admin, applicant.id))).code).toBe("errors.not_found");
    expect((await domainError(setOfficerActive(t.db, admin, { id: applicant.id, active: false }, { now, meta }))).code).toBe("errors.not_found");
  });
});
