import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/platform/db";
import { createMailboxTransport, deliverPendingEmails, notify, readMailbox } from "@/lib/integration/notifications";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject } from "../../factories";
import { createNotifiedUser, RecordingTransport, smtpError } from "../../factories/notifications";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
});
afterAll(async () => {
  await t.drop();
});
// Every test starts with no pending e-mail, so runs only see their own rows.
beforeEach(async () => {
  await t.db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date("2000-01-01T00:00:00Z") } });
});

const NOW = new Date("2026-11-30T05:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const BASE = "https://e-license.example.kz";

async function applicant(o: Parameters<typeof createNotifiedUser>[1] = {}) {
  const org = await createOrganisation(t.db);
  const subject = await createSubject(t.db);
  const u = await createNotifiedUser(t.db, { role: "APPLICANT", subjectId: subject.id, ...o });
  const app = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: u.user.id });
  return { ...u, app, org };
}

const registered = (userId: string, applicationId: string, n: string, now = NOW) =>
  notify(t.db, { userId, kind: "application_registered", params: { registrationNumber: n, service: "scrap-metal-licence", readyBy: "2026-12-07T13:00:00Z" }, applicationId, now });

describe("deliverPendingEmails", () => {
  it("sends each e-mail once, in the user's language, and marks it emailed", async () => {
    const kk = await applicant({ locale: "kk" });
    const ru = await applicant({ locale: "ru" });
    const en = await applicant({ locale: "en" });
    const ids = [
      (await registered(kk.user.id, kk.app.id, "KZ-KK-1")).id,
      (await registered(ru.user.id, ru.app.id, "KZ-RU-1")).id,
      (await registered(en.user.id, en.app.id, "KZ-EN-1")).id,
    ];
    const transport = new RecordingTransport();

    const first = await deliverPendingEmails(t.db, transport, { now: later(1), baseUrl: BASE });
    expect(first).toEqual({ sent: 3, retry: 0, failed: 0, skipped: 0 });
    const byTo = new Map(transport.sent.map((m) => [m.to, m]));
    expect(byTo.get(kk.user.email!)).toMatchObject({ subject: "KZ-KK-1 өтініші тіркелді", language: "kk" });
    expect(byTo.get(ru.user.email!)).toMatchObject({ subject: "Заявление KZ-RU-1 зарегистрировано", language: "ru" });
    expect(byTo.get(en.user.email!)).toMatchObject({ subject: "Application KZ-EN-1 registered", language: "en" });
    // Ready-by 13:00 UTC is 18:00 in Almaty; the link is absolute and in the reader's language.
    expect(byTo.get(ru.user.email!)!.text).toContain("18:00");
    expect(byTo.get(kk.user.email!)!.text).toContain(`${BASE}/kk/applicant/applications/${kk.app.id}`);
    expect(byTo.get(en.user.email!)!.date).toEqual(later(1));

    const rows = await t.db.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.emailedAt?.getTime() === later(1).getTime())).toBe(true);

    const again = await deliverPendingEmails(t.db, transport, { now: later(2), baseUrl: BASE });
    expect(again.sent).toBe(0);
    expect(transport.sent).toHaveLength(3);
  });

  it("skips in-app-only kinds, users without an address, inactive users and stale notifications", async () => {
    const noMail = await applicant({ email: null });
    const inactive = await applicant({ active: false });
    const ok = await applicant({ locale: "ru" });
    const officer = await createNotifiedUser(t.db, { role: "EXECUTOR", organisationId: ok.org.id });
    await registered(noMail.user.id, noMail.app.id, "NO-MAIL");
    await registered(inactive.user.id, inactive.app.id, "INACTIVE");
    await registered(ok.user.id, ok.app.id, "STALE", new Date(NOW.getTime() - 4 * 24 * 3_600_000));
    const staff = await notify(t.db, { userId: officer.user.id, kind: "task_assigned", params: { application: "KZ-9", step: "review", dueAt: later(60) }, applicationId: ok.app.id, now: NOW });
    const fresh = await registered(ok.user.id, ok.app.id, "FRESH");

    const transport = new RecordingTransport();
    const r = await deliverPendingEmails(t.db, transport, { now: later(1), baseUrl: BASE });
    expect(r.sent).toBe(1);
    expect(transport.sent.map((m) => m.subject)).toEqual(["Заявление FRESH зарегистрировано"]);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: fresh.id } })).emailedAt).not.toBeNull();
    // The in-app-only row is not claimed: emailedAt stays empty.
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: staff.id } })).emailedAt).toBeNull();
  });

  it("concurrent runs on separate connections never send the same e-mail twice", async () => {
    const users = await Promise.all([0, 1, 2, 3].map((i) => applicant({ locale: (["kk", "ru", "en", "ru"] as const)[i] })));
    const ids: string[] = [];
    for (const [i, u] of users.entries()) for (let k = 0; k < 5; k++) ids.push((await registered(u.user.id, u.app.id, `C-${i}-${k}`)).id);

    const clients: Db[] = [createDb(t.url), createDb(t.url), createDb(t.url)];
    try {
      const transport = new RecordingTransport({ delayMs: 5 });
      const results = await Promise.all(clients.flatMap((c) => [c, c]).map((c) => deliverPendingEmails(c, transport, { now: later(1), baseUrl: BASE, limit: 20 })));
      const perNotification = transport.byNotification();
      for (const id of ids) expect(perNotification.get(id)?.length, id).toBe(1);
      expect(transport.sent).toHaveLength(ids.length);
      expect(results.reduce((s, r) => s + r.sent, 0)).toBe(ids.length);
      // The runs really raced for the same rows: the conditional claim turned the losers away.
      expect(results.reduce((s, r) => s + r.skipped, 0)).toBeGreaterThan(0);
      expect(await t.db.notification.count({ where: { id: { in: ids }, emailedAt: null } })).toBe(0);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("retries after a transient failure and gives up after a permanent refusal", async () => {
    const a = await applicant({ locale: "en" });
    const b = await applicant({ locale: "en" });
    const transient = await registered(a.user.id, a.app.id, "TRANSIENT");
    const permanent = await registered(b.user.id, b.app.id, "PERMANENT", later(0.5));
    const transport = new RecordingTransport();
    transport.failNext(Object.assign(new Error("connection reset"), { code: "ECONNRESET" }));
    transport.failNext(smtpError(550, "mailbox unavailable"));

    expect(await deliverPendingEmails(t.db, transport, { now: later(1), baseUrl: BASE })).toEqual({ sent: 0, retry: 1, failed: 1, skipped: 0 });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: transient.id } })).emailedAt).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: permanent.id } })).emailedAt).toEqual(later(1));

    expect(await deliverPendingEmails(t.db, transport, { now: later(2), baseUrl: BASE })).toEqual({ sent: 1, retry: 0, failed: 0, skipped: 0 });
    expect(transport.sent.map((m) => m.subject)).toEqual(["Application TRANSIENT registered"]);
  });

  it("the development mailbox keeps a real .eml and a summary the mailbox page reads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mailbox-"));
    try {
      const u = await applicant({ locale: "kk" });
      await registered(u.user.id, u.app.id, "KZ-MBX-1");
      const r = await deliverPendingEmails(t.db, createMailboxTransport({ dir, from: "E-licensing <no-reply@test.kz>" }), { now: later(1), baseUrl: BASE });
      expect(r.sent).toBe(1);
      const files = (await readdir(dir)).sort();
      expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      const eml = await readFile(path.join(dir, files.find((f) => f.endsWith(".eml"))!), "utf8");
      expect(eml).toMatch(/^To: .*@example\.kz$/m);
      expect(eml).toMatch(/^Auto-Submitted: auto-generated$/m);
      expect(eml).toMatch(/^Content-Language: kk$/m);
      const [entry] = await readMailbox(dir);
      expect(entry).toMatchObject({ to: u.user.email, subject: "KZ-MBX-1 өтініші тіркелді", date: later(1) });
      expect(entry!.text).toContain(`${BASE}/kk/applicant/applications/${u.app.id}`);
      expect(await readMailbox(path.join(dir, "absent"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
