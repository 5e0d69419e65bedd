import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { checkOnTimeAlerts } from "@/lib/oversight/metrics";
import { loadMessages } from "@/lib/platform/i18n";
import { renderStoredNotification } from "@/lib/integration/notifications";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createApplicant, createSupervisor, insertApplication, orgByCode } from "../../factories/metrics";

/**
 * Window: the 30 days before 2026-04-20 06:00Z. Aktobe scrap metal: 3 of 4 closed in time (75 %,
 * below 90 %); Aktobe grain: 1 of 1 (100 %); Atyrau scrap metal: 1 of 2 (50 %); an Aktobe case
 * closed before the window does not count.
 */
const NOW = new Date("2026-04-20T06:00:00Z");
const Z = (s: string) => new Date(`${s}Z`);
let t: TestDb;
let aktobe: string, atyrau: string;
let aktobeSup: UserActor, atyrauSup: UserActor, ministry: UserActor;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  aktobe = (await orgByCode(t.db, "aktobe")).id;
  atyrau = (await orgByCode(t.db, "atyrau")).id;
  aktobeSup = await createSupervisor(t.db, aktobe, "ORGANISATION");
  atyrauSup = await createSupervisor(t.db, atyrau, "REGION");
  ministry = await createSupervisor(t.db, (await orgByCode(t.db, "committee")).id, "ALL");
  const inactive = await createSupervisor(t.db, aktobe, "ORGANISATION");
  await t.db.user.update({ where: { id: inactive.userId }, data: { active: false } });
  const who = await createApplicant(t.db);
  const mk = (organisationId: string, onTime: boolean, closed: string, serviceCode = "scrap-metal-licence") =>
    insertApplication(t.db, { organisationId, subjectId: who.subject.id, createdById: who.actor.userId, status: "ISSUED", serviceCode, dueAt: Z("2026-04-10T13:00:00"), closedAt: onTime ? Z(`${closed}`) : Z("2026-04-11T06:00:00") });
  await mk(aktobe, true, "2026-04-09T06:00:00");
  await mk(aktobe, true, "2026-04-08T06:00:00");
  await mk(aktobe, true, "2026-04-07T06:00:00");
  await mk(aktobe, false, "");
  await mk(aktobe, false, "");
  // One of the two late Aktobe cases closed before the window: move it out.
  const late = await t.db.application.findFirstOrThrow({ where: { organisationId: aktobe, closedAt: Z("2026-04-11T06:00:00") } });
  await t.db.application.update({ where: { id: late.id }, data: { closedAt: Z("2026-03-01T06:00:00"), dueAt: Z("2026-02-27T13:00:00") } });
  await mk(aktobe, true, "2026-04-09T06:00:00", "grain-warehouse-receipts-licence");
  await mk(atyrau, true, "2026-04-09T06:00:00");
  await mk(atyrau, false, "");
});
afterAll(async () => {
  await t?.drop();
});

const alerts = (userId: string) => t.db.notification.findMany({ where: { userId, kind: "alert" }, orderBy: { createdAt: "asc" } });

describe("checkOnTimeAlerts", () => {
  it("notifies the supervisors in scope of each (service, organisation) below the threshold, once per day", async () => {
    const r = await checkOnTimeAlerts(t.db, { now: NOW });
    expect(r).toEqual({ threshold: 0.9, checked: 3, below: 2, notified: 4 });
    const own = await alerts(aktobeSup.userId);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ messageKey: "supervisor.alert.on_time_below", applicationId: null, createdAt: NOW });
    expect(own[0]!.params).toMatchObject({ serviceCode: "scrap-metal-licence", organisationId: aktobe, share: 75, threshold: 90, onTime: 3, closed: 4, day: "2026-04-20" });
    expect((await alerts(atyrauSup.userId)).map((a) => (a.params as { organisationId: string }).organisationId)).toEqual([atyrau]);
    expect((await alerts(ministry.userId)).map((a) => (a.params as { organisationId: string }).organisationId).sort()).toEqual([aktobe, atyrau].sort());
    // Same day again: nothing new. Another Almaty day: again.
    expect((await checkOnTimeAlerts(t.db, { now: new Date("2026-04-20T18:59:00Z") })).notified).toBe(0);
    expect((await checkOnTimeAlerts(t.db, { now: new Date("2026-04-20T19:00:00Z") })).notified).toBe(4);
    expect(await alerts(aktobeSup.userId)).toHaveLength(2);
  });

  it("is safe to run concurrently and follows the configured threshold", async () => {
    const day = new Date("2026-04-22T06:00:00Z");
    const runs = await Promise.all([1, 2, 3].map(() => checkOnTimeAlerts(t.db, { now: day })));
    expect(runs.reduce((s, r) => s + r.notified, 0)).toBe(4);
    await t.db.setting.create({ data: { key: "alerts.onTimeThreshold", value: 0.5 } });
    const strict = await checkOnTimeAlerts(t.db, { now: new Date("2026-04-23T06:00:00Z") });
    expect(strict).toMatchObject({ threshold: 0.5, below: 0, notified: 0 });
    await t.db.setting.update({ where: { key: "alerts.onTimeThreshold" }, data: { value: 80 } });
    expect((await checkOnTimeAlerts(t.db, { now: new Date("2026-04-23T06:00:00Z") })).below).toBe(2);
  });

  it("renders in the reader's language through the stored message key", () => {
    const params = { share: 75, threshold: 90, onTime: 3, closed: 4, days: 30, serviceKk: "Сынық", serviceRu: "Лом", serviceEn: "Scrap", organisationKk: "Ақтөбе", organisationRu: "Актобе", organisationEn: "Aktobe" };
    const row = { kind: "alert", messageKey: "supervisor.alert.on_time_below", params, applicationId: null };
    expect(renderStoredNotification(row, "ru", loadMessages("ru")).body).toBe("Актобе: доля оказанных в срок (1.1) по услуге «Лом» за последние 30 дней — 75 % (3 из 4), ниже порога 90 %.");
    expect(renderStoredNotification(row, "en", loadMessages("en")).body).toContain("Aktobe: the on-time share (1.1) of “Scrap”");
    expect(renderStoredNotification(row, "kk", loadMessages("kk")).body).toContain("Ақтөбе: «Сынық» қызметі");
  });
});
