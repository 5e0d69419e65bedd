import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { recordAudit } from "@/lib/platform/audit";
import { listAuditEvents } from "@/lib/oversight/metrics";
import { CSV_BOM, CSV_DIALECTS, csvField, exportTable, renderIndicatorsReport, toCsv, type TTranslate } from "@/lib/oversight/reports";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createApplicant, createSupervisor, insertApplication, orgByCode } from "../../factories/metrics";

const NOW = new Date("2026-04-15T06:00:00Z");
const Z = (s: string) => new Date(`${s}Z`);
/** Labels as their keys: the tests check structure and values, not wording. */
const t: TTranslate = (key, values) => (values ? `${key}(${Object.values(values).join(",")})` : key);

let db: TestDb;
let aktobe: string, atyrau: string;
let aktobeSup: UserActor, ministry: UserActor, admin: UserActor, clerk: UserActor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDb();
  await loadReferenceData(db.db);
  aktobe = (await orgByCode(db.db, "aktobe")).id;
  atyrau = (await orgByCode(db.db, "atyrau")).id;
  aktobeSup = await createSupervisor(db.db, aktobe, "ORGANISATION");
  ministry = await createSupervisor(db.db, (await orgByCode(db.db, "committee")).id, "ALL");
  admin = (await createUser(db.db, "ADMIN")).actor;
  clerk = (await createUser(db.db, "OFFICE_CLERK", { organisationId: aktobe })).actor;
  const who = await createApplicant(db.db);
  // An applicant name a spreadsheet would run as a formula, with the delimiter and quotes in it.
  await db.db.subject.update({ where: { id: who.subject.id }, data: { name: '=HYPERLINK("http://x";"ТОО; «Ақ»")' } });
  const base = { subjectId: who.subject.id, createdById: who.actor.userId };
  ids.O1 = (await insertApplication(db.db, { ...base, organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-09T13:00:00"), stepKey: "review" })).id;
  ids.X1 = (await insertApplication(db.db, { ...base, organisationId: atyrau, status: "IN_PROGRESS", dueAt: Z("2026-04-10T13:00:00"), stepKey: "review" })).id;
  ids.C1 = (await insertApplication(db.db, { ...base, organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-04-10T13:00:00"), closedAt: Z("2026-04-09T06:00:00") })).id;
  ids.C2 = (await insertApplication(db.db, { ...base, organisationId: aktobe, status: "REFUSED", dueAt: Z("2026-04-10T13:00:00"), closedAt: Z("2026-04-13T06:00:00") })).id;
  ids.C3 = (await insertApplication(db.db, { ...base, organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-04-10T13:00:00"), closedAt: Z("2026-04-01T06:00:00") })).id;
  let k = 0;
  for (const [app, org, type, hour] of [
    ["O1", aktobe, "application.registered", "04"],
    ["O1", aktobe, "application.assigned", "05"],
    ["X1", atyrau, "application.registered", "04"],
    ["C1", aktobe, "application.handed_over", "06"],
  ] as const) {
    await recordAudit(db.db, { type, actor: clerk, at: Z(`2026-04-0${++k}T${hour}:00:00`), entityType: "Application", entityId: ids[app]!, applicationId: ids[app]!, organisationId: org });
  }
  await recordAudit(db.db, { type: "auth.signed_in", actor: clerk, at: Z("2026-04-05T04:00:00"), entityType: "User", entityId: clerk.userId });
});
afterAll(async () => {
  await db?.drop();
});

describe("CSV", () => {
  it("UTF-8 BOM, CRLF, RFC 4180 quoting, formula injection neutralised, numbers in the dialect", () => {
    const csv = toCsv(["a", "b;c", 'd"e'], [["=1+2", "+7", "-x", "@SUM(A1)"], [-5, 0.125, null, "line\nbreak"], ["\tTab", "ok", "Ақтөбе", "x,y"]], CSV_DIALECTS.ru);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual(["a;\"b;c\";\"d\"\"e\"", "'=1+2;'+7;'-x;'@SUM(A1)", '-5;0,125;;"line\nbreak"', "'\tTab;ok;Ақтөбе;x,y", ""]);
    const en = toCsv(["x"], [["a,b"], [0.5]], CSV_DIALECTS.en);
    expect(en).toBe(`${CSV_BOM}x\r\n"a,b"\r\n0.5\r\n`);
    expect(csvField('=A1;"', CSV_DIALECTS.ru)).toBe(`"'=A1;"""`);
    expect(Buffer.from(toCsv(["ә"], [], CSV_DIALECTS.kk), "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("the overdue list export equals the page's list, scoped, with the dangerous name defused", async () => {
    const own = await exportTable(db.db, aktobeSup, { table: "deadline-list", query: { list: "overdue" }, now: NOW, locale: "ru", t });
    expect(own.rows).toHaveLength(1);
    const csv = toCsv(own.header, own.rows, CSV_DIALECTS.ru);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""ТОО; «Ақ»"")"`);
    const all = await exportTable(db.db, ministry, { table: "deadline-list", query: { list: "overdue" }, now: NOW, locale: "ru", t });
    expect(all.rows).toHaveLength(2);
    expect(all.fileName).toBe("deadlines-overdue-2026-04-15.csv");
  });

  it("indicators: the same numbers as the page; no data is written as such, not as 0", async () => {
    const r = await exportTable(db.db, aktobeSup, { table: "indicators", query: { period: "month", year: "2026", month: "4" }, now: NOW, locale: "en", t });
    // The yearly target of 2026 stands beside the value [004 L358-361, L7928-7930].
    expect(r.rows[0]).toEqual(["1.1", "supervisor.quality.indicators.onTime", 100, 100, 66.7, 2, 3, null]);
    expect(r.rows[1]).toEqual(["2.1", "supervisor.quality.indicators.process", 100, 100, "supervisor.quality.noData", 0, 0, 0]);
    const plain = await db.db.$queryRawUnsafe<{ on_time: number; closed: number }[]>(
      `SELECT count(*) FILTER (WHERE "closedAt" <= "dueAt")::int AS on_time, count(*)::int AS closed FROM "Application"
        WHERE "organisationId" = $1 AND status IN ('ISSUED','REFUSED') AND "closedAt" >= '2026-03-31 19:00:00' AND "closedAt" < '2026-04-30 19:00:00'`,
      aktobe,
    );
    expect([r.rows[0]![5], r.rows[0]![6]]).toEqual([plain[0]!.on_time, plain[0]!.closed]);
    await expect(exportTable(db.db, aktobeSup, { table: "indicators", query: { period: "custom", from: "2026-04-10", to: "2026-04-01" }, now: NOW, locale: "en", t })).rejects.toMatchObject({ code: "supervisor.errors.bad_period" });
    await expect(exportTable(db.db, aktobeSup, { table: "deadline-list", query: { list: "everything" }, now: NOW, locale: "en", t })).rejects.toThrow();
  });

  it("breakdown export ends with the totals row", async () => {
    const r = await exportTable(db.db, ministry, { table: "deadline-breakdown", query: { dimension: "organisation" }, now: NOW, locale: "kk", t });
    expect(r.rows.at(-1)).toEqual(["supervisor.dashboard.total", 2, 2, 0, 0, 0]);
    expect(r.rows.slice(0, -1).reduce((s, row) => s + (row[1] as number), 0)).toBe(2);
  });

  it("the PDF report renders Kazakh text with the shipped font", async () => {
    const { bytes, fileName } = await renderIndicatorsReport(db.db, ministry, { query: { period: "month", year: "2026", month: "4" }, now: NOW, locale: "kk", t: (k) => `${k} әғқңөұүһі`, scopeLabel: "Барлық ұйымдар бойынша" });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(5000);
    expect(fileName).toBe("quality-indicators-2026-04-01-2026-04-30.pdf");
  });
});

describe("audit viewer", () => {
  it("scoped: a supervisor sees the events of their organisations, an administrator everything; others nothing", async () => {
    const own = await listAuditEvents(db.db, aktobeSup, {});
    expect(own.rows.map((r) => r.type)).toEqual(["application.handed_over", "application.assigned", "application.registered"]);
    expect(own.rows.every((r) => r.organisationId === aktobe)).toBe(true);
    expect((await listAuditEvents(db.db, ministry, {})).rows).toHaveLength(4);
    expect((await listAuditEvents(db.db, admin, {})).rows).toHaveLength(5);
    await expect(listAuditEvents(db.db, clerk, {})).rejects.toMatchObject({ code: "errors.not_found" });
  });

  it("filters by application (id or number), actor, type (exact or prefix) and Almaty dates; keyset pages on (at, id)", async () => {
    const number = (await db.db.application.findUniqueOrThrow({ where: { id: ids.O1! } })).registrationNumber!;
    expect((await listAuditEvents(db.db, aktobeSup, { application: number })).rows).toHaveLength(2);
    expect((await listAuditEvents(db.db, aktobeSup, { application: ids.O1! })).rows).toHaveLength(2);
    expect((await listAuditEvents(db.db, aktobeSup, { application: ids.X1! })).rows).toHaveLength(0);
    const login = (await db.db.user.findUniqueOrThrow({ where: { id: clerk.userId } })).login;
    expect((await listAuditEvents(db.db, admin, { actor: login })).rows).toHaveLength(5);
    expect((await listAuditEvents(db.db, admin, { actor: "тестов" })).rows).toHaveLength(5);
    expect((await listAuditEvents(db.db, admin, { type: "application." })).rows).toHaveLength(4);
    expect((await listAuditEvents(db.db, admin, { type: "application.registered" })).rows).toHaveLength(2);
    // 2 April 05:00Z is 10:00 on 2 April in Almaty; 3 April 04:00Z is 09:00 on 3 April.
    expect((await listAuditEvents(db.db, admin, { from: "2026-04-02", to: "2026-04-03" })).rows.map((r) => r.type)).toEqual(["application.registered", "application.assigned"]);
    const p1 = await listAuditEvents(db.db, admin, { take: 2 });
    const p2 = await listAuditEvents(db.db, admin, { take: 2, after: p1.next! });
    const p3 = await listAuditEvents(db.db, admin, { take: 2, after: p2.next! });
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).toEqual((await listAuditEvents(db.db, admin, {})).rows.map((r) => r.id));
    expect(p3.next).toBeNull();
  });
});
