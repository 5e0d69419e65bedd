import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorklist, ZWorklistQuery, type TWorklistQuery } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createService } from "../../factories";
import { openApplication, staffOf } from "./helpers";

let t: TestDb;
let s: Awaited<ReturnType<typeof staffOf>>;
const apps: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
  await createService(t.db, "poisons-licence");
  const org = (await createOrganisation(t.db)).id;
  s = await staffOf(t.db, org);
  const base = { organisationId: org, subjectId: s.subject.id, createdById: s.applicant.userId, stepRole: "HEAD" as const };
  // Almaty is UTC+5: 1 Dec 2026 00:00 local = 30 Nov 19:00Z.
  apps.scrapIssue = (await openApplication(t.db, { ...base, stepKey: "assign_executor", stepDueAt: new Date("2026-11-30T18:59:00Z"), applicantName: "«Каспий Вторчермет» ЖШС", applicantIdentifier: "110740000007", registrationNumber: "EL-2026-0000101" })).id;
  apps.scrapReissue = (await openApplication(t.db, { ...base, variant: "REISSUE", stepKey: "sign", stepDueAt: new Date("2026-11-30T19:00:00Z"), applicantName: "ТОО «Жайық Сынық»", applicantIdentifier: "150240000006", registrationNumber: "EL-2026-0000102" })).id;
  apps.poisons = (await openApplication(t.db, { ...base, serviceCode: "poisons-licence", stepKey: "assign_executor", stepDueAt: new Date("2026-12-02T18:59:59Z"), applicantName: "АО «Шығыс Астық»", applicantIdentifier: "981240000001", registrationNumber: "EL-2026-0000103" })).id;
  apps.suspended = (await openApplication(t.db, { ...base, status: "SUSPENDED", stepKey: "sign", stepDueAt: new Date("2026-12-02T19:00:00Z"), applicantName: "ЖК «Нұрсұлтанова Ә.»", applicantIdentifier: "010520500001", registrationNumber: "EL-2026-0000104" })).id;
});
afterAll(async () => {
  await t.drop();
});

async function names(query: TWorklistQuery) {
  const { rows } = await listWorklist(t.db, s.head, query);
  const byId = Object.fromEntries(Object.entries(apps).map(([k, v]) => [v, k]));
  return rows.map((r) => byId[r.id]);
}

describe("worklist filters", () => {
  it("service, variant, step and queue", async () => {
    expect(await names({ service: "poisons-licence" })).toEqual(["poisons"]);
    expect(await names({ variant: "reissue" })).toEqual(["scrapReissue"]);
    expect(await names({ step: "sign" })).toEqual(["scrapReissue"]);
    expect(await names({ queue: "assign" })).toEqual(["scrapIssue", "poisons"]);
  });

  it("status: open ones by default, a suspended one only when asked for", async () => {
    expect(await names({})).toEqual(["scrapIssue", "scrapReissue", "poisons"]);
    expect(await names({ status: "SUSPENDED" })).toEqual(["suspended"]);
    expect(await names({ status: "IN_PROGRESS", step: "sign" })).toEqual(["scrapReissue"]);
  });

  it("due range in Almaty calendar days, both ends inclusive", async () => {
    expect(await names({ dueFrom: "2026-12-01", dueTo: "2026-12-01", status: undefined })).toEqual(["scrapReissue"]);
    expect(await names({ dueTo: "2026-11-30" })).toEqual(["scrapIssue"]);
    expect(await names({ dueFrom: "2026-12-01", dueTo: "2026-12-02" })).toEqual(["scrapReissue", "poisons"]);
    expect(await names({ dueFrom: "2026-12-03" })).toEqual([]);
  });

  it("applicant: BIN/IIN exact, or a part of the name in any case", async () => {
    expect(await names({ applicant: "110740000007" })).toEqual(["scrapIssue"]);
    expect(await names({ applicant: "11074000000" })).toEqual([]); // a BIN is never matched by a prefix
    expect(await names({ applicant: "вторчермет" })).toEqual(["scrapIssue"]);
    expect(await names({ applicant: "ЖАЙЫҚ" })).toEqual(["scrapReissue"]);
  });

  it("registration number exact (case-insensitive input)", async () => {
    expect(await names({ number: "EL-2026-0000103" })).toEqual(["poisons"]);
    expect(await names({ number: "el-2026-0000103" })).toEqual(["poisons"]);
    expect(await names({ number: "EL-2026-000010" })).toEqual([]);
  });

  it("filters combine, and the URL parser drops invalid values instead of failing", async () => {
    expect(await names({ service: "scrap-metal-licence", variant: "issue", applicant: "110740000007" })).toEqual(["scrapIssue"]);
    const parsed = ZWorklistQuery.parse({ service: "", variant: "bogus", step: ["sign", "register"], dueFrom: "2026-02-30", status: "ISSUED", number: "EL-2026-0000102", extra: "x" });
    expect(parsed).toEqual({ step: "sign", number: "EL-2026-0000102" });
    expect(await names(parsed)).toEqual(["scrapReissue"]);
  });
});
