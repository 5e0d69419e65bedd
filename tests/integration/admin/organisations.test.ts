import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrganisationForAdmin, listOrganisationsWithStaff, setOrganisationActive, updateOrganisation, type TUpdateOrganisationInput } from "@/lib/oversight/admin";
import type { UserActor } from "@/lib/platform/auth";
import { closingTime, nextWorkingInstant } from "@/lib/law/calendar";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { auditRows, domainError, meta, zodIssues } from "./helpers";

let t: TestDb;
let admin: UserActor;
let head: UserActor;
let orgId: string;
const now = new Date("2026-11-30T05:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  admin = (await createUser(t.db, "ADMIN")).actor;
  head = (await createUser(t.db, "HEAD", { organisationId: orgId })).actor;
});
afterAll(async () => {
  await t?.drop();
});

function form(over: Partial<TUpdateOrganisationInput> = {}): TUpdateOrganisationInput {
  return {
    id: orgId,
    nameKk: "Атырау облысының кәсіпкерлік басқармасы",
    nameRu: "Управление предпринимательства Атырауской области",
    nameEn: "Atyrau Region Department of Entrepreneurship",
    addressKk: "Атырау қ., Сәтбаев даңғылы, 3",
    addressRu: "г. Атырау, пр. Сатпаева, 3",
    addressEn: "3 Satpayev Ave., Atyrau",
    phone: "8 (7122) 35-45-00",
    email: "atyrau@example.kz",
    workingHours: { start: "09:00", end: "18:00", breaks: [["13:00", "14:00"]] },
    receptionHours: { start: "09:00", end: "17:00", breaks: [["13:00", "14:00"]] },
    ...over,
  };
}

describe("organisations (admin)", () => {
  it("lists every organisation with hours and active staff", async () => {
    const rows = await listOrganisationsWithStaff(t.db);
    // 17 providers and the 5 Public Service Centres (their hours are administered too).
    expect(rows).toHaveLength(22);
    expect(rows.filter((r) => r.code.startsWith("psc-"))).toHaveLength(5);
    expect(rows.find((r) => r.id === orgId)).toMatchObject({ code: "atyrau", staff: 1 });
  });

  it("updates names, contacts and hours in one audited change; the organisation calendar follows", async () => {
    const before = await getOrganisationForAdmin(t.db, admin, orgId);
    expect(before.workingHours).toEqual({ start: "08:30", end: "18:00", breaks: [["12:30", "14:00"]] });
    // Loaded (and cached) before the edit: 08:30 Almaty = 03:30 UTC is the first working instant.
    const calBefore = await loadOrganisationCalendar(t.db, orgId);
    expect(nextWorkingInstant(calBefore, new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-12-01T03:30:00.000Z");

    const r = await updateOrganisation(t.db, admin, form({ expectedUpdatedAt: before.updatedAt.toISOString() }), { now, meta });
    expect(r.changed).toEqual(expect.arrayContaining(["nameRu", "workingHours", "receptionHours", "email"]));

    const after = await getOrganisationForAdmin(t.db, admin, orgId);
    expect(after).toMatchObject({ nameRu: "Управление предпринимательства Атырауской области", email: "atyrau@example.kz", workingHours: { start: "09:00", end: "18:00", breaks: [["13:00", "14:00"]] }, receptionHours: { end: "17:00" } });
    // The cache is keyed on updatedAt: deadlines computed from now on use the new hours (09:00 Almaty = 04:00 UTC).
    const calAfter = await loadOrganisationCalendar(t.db, orgId);
    expect(nextWorkingInstant(calAfter, new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(closingTime(calAfter, "2026-12-01").toISOString()).toBe("2026-12-01T13:00:00.000Z");

    const [audit] = await auditRows(t.db, "admin.organisation_updated", orgId);
    expect(audit).toMatchObject({ actorId: admin.userId, actorRole: "ADMIN", organisationId: orgId, at: now, ip: meta.ip });
    expect((audit!.data as { after: Record<string, unknown> }).after.nameRu).toBe("Управление предпринимательства Атырауской области");
  });

  it("clears reception hours and optional texts; unchanged hours are not reported as changed", async () => {
    const r = await updateOrganisation(t.db, admin, form({ receptionHours: null, addressEn: "", email: " " }), { now, meta });
    expect(r.changed).toEqual(["addressEn", "email", "receptionHours"]);
    expect(await getOrganisationForAdmin(t.db, admin, orgId)).toMatchObject({ receptionHours: null, addressEn: null, email: null });
  });

  it("refuses overlapping breaks, breaks outside the hours and an end before the start, naming the field", async () => {
    const overlapping = await zodIssues(
      updateOrganisation(t.db, admin, form({ workingHours: { start: "09:00", end: "18:00", breaks: [["12:00", "13:30"], ["13:00", "14:00"]] } }), { now, meta }),
    );
    expect(overlapping).toEqual({ "workingHours.breaks.1": "admin.break_outside" });

    const outside = await zodIssues(updateOrganisation(t.db, admin, form({ receptionHours: { start: "09:00", end: "17:00", breaks: [["16:30", "17:30"]] } }), { now, meta }));
    expect(outside).toEqual({ "receptionHours.breaks.0": "admin.break_outside" });

    const reversed = await zodIssues(updateOrganisation(t.db, admin, form({ workingHours: { start: "18:00", end: "09:00", breaks: [] } }), { now, meta }));
    expect(reversed).toEqual({ "workingHours.end": "admin.hours_end_before_start" });

    const badTime = await zodIssues(updateOrganisation(t.db, admin, form({ workingHours: { start: "9", end: "18:00", breaks: [] } }), { now, meta }));
    expect(badTime).toEqual({ "workingHours.start": "admin.time_format" });

    const noName = await zodIssues(updateOrganisation(t.db, admin, form({ nameKk: "  " }), { now, meta }));
    expect(noName).toEqual({ nameKk: "validation.required" });
  });

  it("refuses a stale form instead of overwriting a newer edit", async () => {
    const e = await domainError(updateOrganisation(t.db, admin, form({ expectedUpdatedAt: "2020-01-01T00:00:00.000Z" }), { now, meta }));
    expect(e.code).toBe("admin.stale");
  });

  it("deactivates and reactivates, audited once per change", async () => {
    expect(await setOrganisationActive(t.db, admin, { id: orgId, active: false }, { now, meta })).toMatchObject({ active: false, changed: true });
    expect(await setOrganisationActive(t.db, admin, { id: orgId, active: false }, { now, meta })).toMatchObject({ changed: false });
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: orgId } })).active).toBe(false);
    await setOrganisationActive(t.db, admin, { id: orgId, active: true }, { now, meta });
    expect(await auditRows(t.db, "admin.organisation_deactivated", orgId)).toHaveLength(1);
    expect(await auditRows(t.db, "admin.organisation_activated", orgId)).toHaveLength(1);
  });

  it("is forbidden to anyone but an administrator, and an unknown id is not found", async () => {
    expect((await domainError(updateOrganisation(t.db, head, form(), { now, meta }))).code).toBe("auth.forbidden");
    expect((await domainError(setOrganisationActive(t.db, head, { id: orgId, active: false }, { now, meta }))).code).toBe("auth.forbidden");
    expect((await domainError(getOrganisationForAdmin(t.db, head, orgId))).code).toBe("auth.forbidden");
    expect((await domainError(getOrganisationForAdmin(t.db, admin, "00000000-0000-4000-8000-000000000000"))).code).toBe("errors.not_found");
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: orgId } })).active).toBe(true);
  });
});
