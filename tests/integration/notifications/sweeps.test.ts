import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyExpiringLicences } from "@/lib/integration/notifications";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
});
afterAll(async () => {
  await t.drop();
});

const NOW = new Date("2026-11-30T05:00:00Z");
const DAY = 86_400_000;
let seq = 0;

async function licence(o: { organisationId: string; subjectId: string; validTo: Date; status?: "ACTIVE" | "TERMINATED" }) {
  const s = await t.db.subject.findUniqueOrThrow({ where: { id: o.subjectId } });
  return t.db.licence.create({
    data: {
      number: `LIC-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
      serviceCode: "scrap-metal-licence",
      organisationId: o.organisationId,
      holderId: o.subjectId,
      holderName: s.name,
      holderIdentifier: s.identifier,
      status: o.status ?? "ACTIVE",
      validFrom: new Date(NOW.getTime() - 365 * DAY),
      validTo: o.validTo,
      issuedAt: new Date(NOW.getTime() - 365 * DAY),
    },
  });
}

describe("notifyExpiringLicences", () => {
  it("tells the holder's users once about an active licence ending within 30 days", async () => {
    const org = await createOrganisation(t.db);
    const subject = await createSubject(t.db);
    const { actor: a } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const { actor: b } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const soon = await licence({ organisationId: org.id, subjectId: subject.id, validTo: new Date(NOW.getTime() + 10 * DAY) });
    await licence({ organisationId: org.id, subjectId: subject.id, validTo: new Date(NOW.getTime() + 60 * DAY) });
    await licence({ organisationId: org.id, subjectId: subject.id, validTo: new Date(NOW.getTime() + 5 * DAY), status: "TERMINATED" });

    expect(await notifyExpiringLicences(t.db, { now: NOW })).toBe(2);
    const rows = await t.db.notification.findMany({ where: { kind: "licence_expiring" } });
    expect(rows.map((r) => r.userId).sort()).toEqual([a.userId, b.userId].sort());
    expect(rows[0]!.params).toMatchObject({ licenceId: soon.id, licenceNumber: soon.number, validTo: soon.validTo!.toISOString() });

    // The next day's run, and two overlapping runs, add nothing.
    expect(await notifyExpiringLicences(t.db, { now: new Date(NOW.getTime() + DAY) })).toBe(0);
    const overlapping = await Promise.all([notifyExpiringLicences(t.db, { now: NOW }), notifyExpiringLicences(t.db, { now: NOW })]);
    expect(overlapping).toEqual([0, 0]);
    // An extended licence is announced again when its new end comes near.
    await t.db.licence.update({ where: { id: soon.id }, data: { validTo: new Date(NOW.getTime() + 25 * DAY) } });
    expect(await notifyExpiringLicences(t.db, { now: new Date(NOW.getTime() + 2 * DAY) })).toBe(2);
  });
});
