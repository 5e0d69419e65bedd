import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingTime } from "@/lib/law/calendar";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { orgByCode } from "../../factories/metrics";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
});
afterAll(async () => {
  await t?.drop();
});

describe("the Committee's calendar for standards 2 and 10 closes at 18:30 [004 L618-620, L9197-9200]", () => {
  it("a 15-minute step started at 18:10 on Monday 2 March 2026 ends the same day for standard 2, next morning for standard 4", async () => {
    const committee = (await orgByCode(t.db, "committee")).id;
    const start = new Date("2026-03-02T13:10:00Z"); // 18:10 Almaty
    const std2 = await loadOrganisationCalendar(t.db, committee, { serviceCode: "processing-outside-rk-permit" });
    const std4 = await loadOrganisationCalendar(t.db, committee, { serviceCode: "poisons-licence" });
    expect(addWorkingTime(std2, start, { value: 15, unit: "minutes" }).toISOString()).toBe("2026-03-02T13:25:00.000Z");
    expect(addWorkingTime(std4, start, { value: 15, unit: "minutes" }).toISOString()).toBe("2026-03-03T04:15:00.000Z");
    const chem = await loadOrganisationCalendar(t.db, committee, { serviceCode: "chemical-product-registration" });
    expect(addWorkingTime(chem, start, { value: 1, unit: "workingDays" }).toISOString()).toBe("2026-03-03T13:30:00.000Z");
  });
});
