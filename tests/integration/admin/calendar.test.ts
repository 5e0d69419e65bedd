import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarYear, getCalendarYear, listCalendarYears, regenerateCalendarYear, updateCalendarYear } from "@/lib/oversight/admin";
import type { UserActor } from "@/lib/platform/auth";
import { addWorkingTime, expandNationalDays, isWorkingDay, kzHolidayData } from "@/lib/law/calendar";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { auditRows, domainError, meta, zodIssues } from "./helpers";

let t: TestDb;
let admin: UserActor;
let orgId: string;
const now = new Date("2026-11-30T05:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  admin = (await createUser(t.db, "ADMIN")).actor;
});
afterAll(async () => {
  await t?.drop();
});

describe("holiday calendar (admin)", () => {
  it("lists the seeded years with their counts", async () => {
    const rows = await listCalendarYears(t.db, admin);
    const { from, to } = kzHolidayData().coverage;
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => to - i));
    expect(rows.find((r) => r.year === 2026)).toMatchObject({ national: true, holidays: expect.any(Number) });
  });

  it("adds a holiday: the organisation calendar no longer counts it as a working day", async () => {
    // Wednesday 25 November 2026, an ordinary working day; the calendar is loaded (and cached) first.
    const before = await loadOrganisationCalendar(t.db, orgId);
    expect(isWorkingDay(before, "2026-11-25")).toBe(true);
    const start = new Date("2026-11-24T05:00:00Z");
    const dueBefore = addWorkingTime(before, start, { value: 1, unit: "workingDays" });

    const year = await getCalendarYear(t.db, admin, 2026);
    const r = await updateCalendarYear(
      t.db,
      admin,
      { year: 2026, holidays: [...year.holidays, "2026-11-25"], extraWorkingDays: year.extraWorkingDays, extraDaysOff: year.extraDaysOff, expectedUpdatedAt: year.updatedAt.toISOString() },
      { now, meta },
    );
    expect(r.holidays).toContain("2026-11-25");
    expect(r.holidays).toEqual([...r.holidays].sort());

    const after = await loadOrganisationCalendar(t.db, orgId);
    expect(isWorkingDay(after, "2026-11-25")).toBe(false);
    // A deadline computed afterwards skips the new holiday.
    expect(addWorkingTime(after, start, { value: 1, unit: "workingDays" }).getTime()).toBeGreaterThan(dueBefore.getTime());

    const [audit] = await auditRows(t.db, "admin.calendar_year_updated", "2026");
    expect(audit).toMatchObject({ actorId: admin.userId, entityType: "calendar_year", at: now });
    expect(audit!.data).toMatchObject({ holidays: { added: ["2026-11-25"], removed: [] }, extraDaysOff: { added: [], removed: [] } });
    expect((await getCalendarYear(t.db, admin, 2026)).updatedById).toBe(admin.userId);
  });

  it("refuses a date that is both a day off and a working day, and dates of another year or that do not exist", async () => {
    const issues = await zodIssues(
      updateCalendarYear(t.db, admin, { year: 2026, holidays: ["2026-01-01", "2026-03-09"], extraWorkingDays: ["2026-03-09"], extraDaysOff: ["2027-01-02", "2026-02-30"] }, { now, meta }),
    );
    expect(issues).toEqual({
      "holidays.1": "admin.calendar.date_off_and_working",
      "extraWorkingDays.0": "admin.calendar.date_off_and_working",
      "extraDaysOff.0": "admin.calendar.date_outside_year",
      "extraDaysOff.1": "admin.calendar.date_invalid",
    });
    const both = await zodIssues(updateCalendarYear(t.db, admin, { year: 2026, holidays: [], extraWorkingDays: ["2026-12-19"], extraDaysOff: ["2026-12-19"] }, { now, meta }));
    expect(both).toEqual({ "extraWorkingDays.0": "admin.calendar.date_off_and_working", "extraDaysOff.0": "admin.calendar.date_off_and_working" });
  });

  it("saves a weekend extra day off but warns about it", async () => {
    const year = await getCalendarYear(t.db, admin, 2027);
    // Saturday 13 November 2027 is a day off anyway; Tuesday 16 November 2027 as a working day changes nothing.
    const r = await updateCalendarYear(t.db, admin, { year: 2027, holidays: year.holidays, extraWorkingDays: [...year.extraWorkingDays, "2027-11-16"], extraDaysOff: [...year.extraDaysOff, "2027-11-13"] }, { now, meta });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        { code: "admin.calendar.warn_day_off_weekend", date: "2027-11-13", list: "extraDaysOff" },
        { code: "admin.calendar.warn_working_weekday", date: "2027-11-16", list: "extraWorkingDays" },
      ]),
    );
    expect((await getCalendarYear(t.db, admin, 2027)).warnings).toHaveLength(r.warnings.length);
  });

  it("refuses a stale form", async () => {
    const e = await domainError(updateCalendarYear(t.db, admin, { year: 2026, holidays: [], extraWorkingDays: [], extraDaysOff: [], expectedUpdatedAt: "2020-01-01T00:00:00.000Z" }, { now, meta }));
    expect(e.code).toBe("admin.stale");
  });

  it("regenerates a year from the national data", async () => {
    const r = await regenerateCalendarYear(t.db, admin, { year: 2026 }, { now, meta });
    const national = expandNationalDays(kzHolidayData(), 2026, 2026);
    expect({ holidays: r.holidays, extraWorkingDays: r.extraWorkingDays, extraDaysOff: r.extraDaysOff }).toEqual(national);
    const row = await getCalendarYear(t.db, admin, 2026);
    expect(row.holidays).toEqual(national.holidays);
    expect(row.holidays).not.toContain("2026-11-25");
    expect(isWorkingDay(await loadOrganisationCalendar(t.db, orgId), "2026-11-25")).toBe(true);
    const [audit] = await auditRows(t.db, "admin.calendar_year_regenerated", "2026");
    expect(audit!.data).toMatchObject({ holidays: { added: [], removed: ["2026-11-25"] } });
    expect((await domainError(regenerateCalendarYear(t.db, admin, { year: 2035 }, { now, meta }))).code).toBe("admin.calendar.not_covered");
  });

  it("adds a new year: beyond the national data it starts empty; an existing year is refused", async () => {
    const r = await addCalendarYear(t.db, admin, { year: 2029 }, { now, meta });
    expect(r).toMatchObject({ year: 2029, source: "empty", holidays: [] });
    expect(await auditRows(t.db, "admin.calendar_year_added", "2029")).toHaveLength(1);
    const cal = await loadOrganisationCalendar(t.db, orgId);
    expect(isWorkingDay(cal, "2029-01-01")).toBe(true);
    await updateCalendarYear(t.db, admin, { year: 2029, holidays: ["2029-01-01", "2029-01-02"], extraWorkingDays: [], extraDaysOff: [] }, { now, meta });
    expect(isWorkingDay(await loadOrganisationCalendar(t.db, orgId), "2029-01-01")).toBe(false);

    const dup = await domainError(addCalendarYear(t.db, admin, { year: 2026 }, { now, meta }));
    expect(dup).toMatchObject({ code: "admin.calendar.year_exists", details: { fieldErrors: { year: "admin.calendar.year_exists" } } });
    expect(await zodIssues(addCalendarYear(t.db, admin, { year: 1990 }, { now, meta }))).toEqual({ year: "admin.calendar.year_range" });
  });

  it("is forbidden to anyone but an administrator", async () => {
    const { actor: head } = await createUser(t.db, "HEAD", { organisationId: orgId });
    for (const p of [
      updateCalendarYear(t.db, head, { year: 2026, holidays: [], extraWorkingDays: [], extraDaysOff: [] }, { now, meta }),
      regenerateCalendarYear(t.db, head, { year: 2026 }, { now, meta }),
      addCalendarYear(t.db, head, { year: 2030 }, { now, meta }),
      listCalendarYears(t.db, head),
      getCalendarYear(t.db, head, 2026),
    ])
      expect((await domainError(p)).code).toBe("auth.forbidden");
    expect(await t.db.calendarYear.findUnique({ where: { year: 2030 } })).toBeNull();
  });
});
