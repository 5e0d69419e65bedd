import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { activateRegulationFile, getOrganisationForAdmin, updateCalendarYear, updateOrganisation } from "@/lib/oversight/admin";
import { getSandboxCa, issueCertificatePair, revokeCertificate } from "@/lib/trust/certificates";
import { issuerKeyOf } from "@/lib/trust/pki/server";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser, uniqueBin, uniqueIin } from "../../factories";
import { keyPool, legalEntityRequest, NOW } from "../pki/helpers";

/**
 * Two portal instances on one database. Instance B is a second copy of the modules (its own
 * process-wide caches, as another process has), warmed up before instance A's administrator
 * changes something; B must see the change on its very next use — no restart, no message.
 * (The failover test checks revocations with real processes behind the load balancer.)
 */
async function secondInstance() {
  vi.resetModules();
  return {
    calendar: await import("@/lib/law/calendar"),
    organisationCalendar: await import("@/lib/law/organisation-calendar"),
    applications: await import("@/lib/cases/applications"),
    certificates: await import("@/lib/trust/certificates"),
  };
}

let t: TestDb;
let admin: UserActor;
let b: Awaited<ReturnType<typeof secondInstance>>;
const now = new Date("2026-11-30T05:00:00Z");
const keys = keyPool(4);
const crlUrl = "http://portal.test/api/pki/crl";

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  admin = (await createUser(t.db, "ADMIN")).actor;
  b = await secondInstance();
});
afterAll(async () => {
  await t?.drop();
});

const orgId = async (code: string) => (await t.db.organisation.findUniqueOrThrow({ where: { code } })).id;

describe("process caches with two instances", () => {
  it("a holiday added through A is a day off on B at once", async () => {
    const aktobe = await orgId("aktobe");
    expect(b.calendar.isWorkingDay(await b.organisationCalendar.loadOrganisationCalendar(t.db, aktobe), "2026-12-09")).toBe(true);
    const year = await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    await updateCalendarYear(t.db, admin, { year: 2026, holidays: [...year.holidays, "2026-12-09"], extraWorkingDays: year.extraWorkingDays, extraDaysOff: year.extraDaysOff }, { now });
    expect(b.calendar.isWorkingDay(await b.organisationCalendar.loadOrganisationCalendar(t.db, aktobe), "2026-12-09")).toBe(false);
  });

  it("even when A's clock is behind B's (an earlier updatedAt than the last one B saw)", async () => {
    const aktobe = await orgId("aktobe");
    // B has seen a year edited "in the future" (its clock ahead); A's later edit carries an earlier time.
    await t.db.calendarYear.update({ where: { year: 2027 }, data: { updatedAt: new Date("2030-01-01T00:00:00Z") } });
    expect(b.calendar.isWorkingDay(await b.organisationCalendar.loadOrganisationCalendar(t.db, aktobe), "2026-12-10")).toBe(true);
    const year = await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    await t.db.calendarYear.update({ where: { year: 2026 }, data: { holidays: [...year.holidays, "2026-12-10"], updatedAt: new Date("2026-12-01T00:00:00Z") } });
    expect(b.calendar.isWorkingDay(await b.organisationCalendar.loadOrganisationCalendar(t.db, aktobe), "2026-12-10")).toBe(false);
  });

  it("an organisation's new working hours through A are B's hours at once", async () => {
    const atyrau = await orgId("atyrau");
    const first = (cal: Awaited<ReturnType<typeof b.organisationCalendar.loadOrganisationCalendar>>) => b.calendar.nextWorkingInstant(cal, new Date("2026-12-01T00:00:00Z")).toISOString();
    expect(first(await b.organisationCalendar.loadOrganisationCalendar(t.db, atyrau))).toBe("2026-12-01T03:30:00.000Z"); // 08:30 Almaty
    const org = await getOrganisationForAdmin(t.db, admin, atyrau);
    await updateOrganisation(
      t.db,
      admin,
      {
        id: atyrau,
        nameKk: org.nameKk,
        nameRu: org.nameRu,
        nameEn: org.nameEn,
        addressKk: org.addressKk,
        addressRu: org.addressRu,
        addressEn: org.addressEn,
        phone: org.phone,
        email: org.email,
        workingHours: { start: "09:00", end: "18:00", breaks: [["13:00", "14:00"]] },
        receptionHours: null,
      },
      { now },
    );
    expect(first(await b.organisationCalendar.loadOrganisationCalendar(t.db, atyrau))).toBe("2026-12-01T04:00:00.000Z"); // 09:00 Almaty
  });

  it("a regulation version activated through A is the one B registers under", async () => {
    const resolve = () =>
      b.applications.resolveRegulationVersion(t.db, { serviceCode: "scrap-metal-licence", variant: "ISSUE", organisation: { code: "aktobe", region: "aktobe" }, at: new Date("2027-01-05T05:00:00Z") });
    const before = await resolve();
    const seed = JSON.parse(readFileSync(path.resolve(__dirname, "../../../lib/law/regulations/data/aktobe-2014-scrap.json"), "utf8")) as { versions: Record<string, unknown>[] };
    const version = { ...structuredClone(seed.versions[0]!), id: "aktobe-2027-scrap-org", version: 1, scope: { organisationCode: "aktobe", serviceCode: "scrap-metal-licence", variants: ["issue", "reissue", "duplicate"] }, effectiveFrom: "2027-01-01", effectiveTo: null };
    const { created } = await activateRegulationFile(t.db, admin, { fileName: "aktobe-2027.json", bytes: new TextEncoder().encode(JSON.stringify({ versions: [version] })) }, { now });
    const after = await resolve();
    expect(after.regulationVersionId).toBe(created[0]!.id);
    expect(after.regulationVersionId).not.toBe(before.regulationVersionId);
  });

  it("a certificate revoked through A is revoked in B's verification context at once", async () => {
    await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keys });
    const pair = await issueCertificatePair(t.db, {
      request: legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "first_head" }),
      userId: null,
      actor: systemActor("test"),
      now: NOW,
      keepPkcs12: false,
      crlUrl,
      keyGenerator: keys,
    });
    const at = new Date(NOW.getTime() + 60_000);
    const warm = await b.certificates.getVerificationContext(t.db, at);
    const issuer = issuerKeyOf(warm.trustStore.intermediates[0]!);
    expect(warm.revocations.check(issuer, pair.signing.serial, at)).toEqual({ status: "good" });
    expect(await b.certificates.getVerificationContext(t.db, at)).toBe(warm); // cached on B

    await revokeCertificate(t.db, { actor: admin, serial: pair.signing.serial, reason: "key_compromise", now: at });
    const later = new Date(at.getTime() + 1000);
    expect((await b.certificates.getVerificationContext(t.db, later)).revocations.check(issuer, pair.signing.serial, later)).toMatchObject({ status: "revoked" });
  });
});
