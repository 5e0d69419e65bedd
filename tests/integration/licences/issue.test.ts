import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLicenceNumber, isValidLicenceNumber, issueLicence, parseLicenceNumber } from "@/lib/cases/licences";
import { systemActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createSubject } from "../../factories";
import { createLicenceApplication, createLicensingSetup, issueTestLicence } from "../../factories/licences";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const now = new Date("2026-11-30T05:00:00Z");

describe("licence numbers", () => {
  it("10 parallel transactions get 10 distinct, consecutive, valid numbers", async () => {
    const org = { kind: "REGIONAL" as const, region: "pavlodar" };
    const numbers = await Promise.all(Array.from({ length: 10 }, () => t.db.$transaction((tx) => generateLicenceNumber(tx, { organisation: org, now }))));
    expect(new Set(numbers).size).toBe(10);
    for (const n of numbers) expect(isValidLicenceNumber(n)).toBe(true);
    const seqs = numbers.map((n) => parseLicenceNumber(n)!.sequence).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbers.every((n) => n.startsWith("KZ2655"))).toBe(true);
  });

  it("10 licences issued in parallel get distinct numbers; a rolled-back issue hands out nothing", async () => {
    const s = await createLicensingSetup(t.db, { region: "kostanay" });
    const results = await Promise.all(Array.from({ length: 10 }, () => issueTestLicence(t.db, s, { now })));
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.map((n) => parseLicenceNumber(n)!.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    await expect(
      t.db.$transaction(async (tx) => {
        await generateLicenceNumber(tx, { organisation: { kind: "REGIONAL", region: "kostanay" }, now });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const next = await issueTestLicence(t.db, s, { now });
    expect(parseLicenceNumber(next.number)!.sequence).toBe(11);
  });

  it("keeps one sequence per year and region; the Committee's numbers carry 00", async () => {
    const committee = await createLicensingSetup(t.db, { committee: true, serviceCode: "poisons-licence" });
    const a = await issueTestLicence(t.db, committee, { now, subtypes: ["acquisition-use"] });
    const b = await issueTestLicence(t.db, committee, { now: new Date("2027-01-05T05:00:00Z"), subtypes: ["acquisition-use"] });
    expect(parseLicenceNumber(a.number)).toMatchObject({ year: 2026, regionCode: "00", sequence: 1, region: "committee" });
    expect(parseLicenceNumber(b.number)).toMatchObject({ year: 2027, regionCode: "00", sequence: 1 });
    const counters = await t.db.licenceNumberCounter.findMany({ where: { key: { startsWith: "licence:" } } });
    expect(counters.map((c) => c.key)).toEqual(expect.arrayContaining(["licence:2026:00", "licence:2027:00", "licence:2026:55", "licence:2026:39"]));
  });
});

describe("issueLicence", () => {
  it("issues version 1 with the holder's data, the signature and an audit row", async () => {
    const s = await createLicensingSetup(t.db);
    const r = await issueTestLicence(t.db, s, { now, subtypes: ["nonferrous-storage", "nonferrous-collection", "nonferrous-storage"] });
    expect(r).toMatchObject({ variant: "issue", created: true });
    const l = await t.db.licence.findUniqueOrThrow({ where: { id: r.licenceId } });
    expect(l).toMatchObject({ number: r.number, status: "ACTIVE", versionNo: 1, previousId: null, holderId: s.subject.id, holderName: s.subject.name, holderIdentifier: s.subject.identifier, signatureId: r.signatureId, tacit: false, applicationId: r.applicationId });
    // Catalogue order, no repeats.
    expect(l.subtypes).toEqual(["nonferrous-collection", "nonferrous-storage"]);
    expect(parseLicenceNumber(l.number)!.regionCode).toBe("15");
    const audit = await t.db.auditEvent.findMany({ where: { entityId: l.id } });
    expect(audit.map((a) => a.type)).toEqual(["licence.issued"]);
    expect(audit[0]).toMatchObject({ actorId: s.head.userId, applicationId: r.applicationId, organisationId: s.org.id });
  });

  it("is idempotent per application: a retried hand-over returns the same licence and writes nothing", async () => {
    const s = await createLicensingSetup(t.db);
    const app = await createLicenceApplication(t.db, s);
    const input = {
      application: { id: app.id, serviceCode: app.serviceCode, organisationId: app.organisationId, subjectId: app.subjectId, variant: app.variant, baseLicenceId: null },
      decision: { subtypes: ["ferrous-sale"], validFrom: now },
      tacit: true,
      now,
      actor: systemActor("workflow.overall_deadline"),
    };
    const first = await issueLicence(t.db, input);
    const second = await issueLicence(t.db, input);
    expect(second).toEqual({ ...first, created: false });
    expect(await t.db.licence.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: first.licenceId } })).toMatchObject({ tacit: true, signatureId: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: first.licenceId } });
    expect(audit.actorRole).toBe("SYSTEM:workflow.overall_deadline");
  });

  it("refuses an unknown sub-type, a missing signature and an empty list, and writes nothing", async () => {
    const s = await createLicensingSetup(t.db);
    await expect(issueTestLicence(t.db, s, { now, subtypes: ["poison-making"] })).rejects.toThrow("licences.unknown_subtype");
    await expect(issueTestLicence(t.db, s, { now, subtypes: [] })).rejects.toThrow("licences.subtypes_required");
    const app = await createLicenceApplication(t.db, s);
    await expect(
      issueLicence(t.db, {
        application: { id: app.id, serviceCode: app.serviceCode, organisationId: app.organisationId, subjectId: app.subjectId, variant: "ISSUE" },
        decision: { subtypes: ["ferrous-sale"], validFrom: now },
        tacit: false,
        now,
        actor: s.head,
      }),
    ).rejects.toThrow("licences.signature_required");
    expect(await t.db.licence.count({ where: { organisationId: s.org.id } })).toBe(0);
  });

  it("re-issue: a new version with a new number linked to the previous one, which becomes SUPERSEDED", async () => {
    const s = await createLicensingSetup(t.db);
    const v1 = await issueTestLicence(t.db, s, { now, subtypes: ["ferrous-collection"] });
    const later = new Date("2026-12-10T05:00:00Z");
    const v2 = await issueTestLicence(t.db, s, { now: later, variant: "REISSUE", baseLicenceId: v1.licenceId, subtypes: [] });
    expect(v2).toMatchObject({ variant: "reissue", previousId: v1.licenceId });
    expect(v2.number).not.toBe(v1.number);
    const [old, cur] = await Promise.all([t.db.licence.findUniqueOrThrow({ where: { id: v1.licenceId } }), t.db.licence.findUniqueOrThrow({ where: { id: v2.licenceId } })]);
    expect(old.status).toBe("SUPERSEDED");
    expect(cur).toMatchObject({ status: "ACTIVE", versionNo: 2, previousId: v1.licenceId, subtypes: ["ferrous-collection"], issuedAt: later });
    const events = await t.db.licenceStatusEvent.findMany({ where: { licenceId: v1.licenceId } });
    expect(events).toMatchObject([{ from: "ACTIVE", to: "SUPERSEDED", reason: "reissue", actorId: s.head.userId, at: later }]);
    expect((await t.db.auditEvent.findMany({ where: { entityId: v1.licenceId }, orderBy: { id: "asc" } })).map((a) => a.type)).toEqual(["licence.issued", "licence.status_changed"]);
    expect((await t.db.auditEvent.findMany({ where: { entityId: v2.licenceId } })).map((a) => a.type)).toEqual(["licence.reissued"]);

    // The chain goes on from the newest version only.
    await expect(issueTestLicence(t.db, s, { now: later, variant: "REISSUE", baseLicenceId: v1.licenceId })).rejects.toThrow("licences.base_not_current");
    const v3 = await issueTestLicence(t.db, s, { now: later, variant: "REISSUE", baseLicenceId: v2.licenceId, subtypes: ["ferrous-collection", "ferrous-sale"] });
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: v3.licenceId } })).toMatchObject({ versionNo: 3, previousId: v2.licenceId, subtypes: ["ferrous-collection", "ferrous-sale"] });
  });

  it("re-issue to a successor (reorganisation) changes the holder", async () => {
    const s = await createLicensingSetup(t.db);
    const v1 = await issueTestLicence(t.db, s, { now });
    const successor = await createSubject(t.db);
    const v2 = await issueTestLicence(t.db, s, { now, variant: "REISSUE", baseLicenceId: v1.licenceId, subjectId: successor.id });
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: v2.licenceId } })).toMatchObject({ holderId: successor.id, holderIdentifier: successor.identifier });
  });

  it("duplicate: a LicenceDuplicate of the same licence, same number, nothing else changes", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now });
    const before = await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } });
    const dup = await issueTestLicence(t.db, s, { now: new Date("2027-02-01T06:00:00Z"), variant: "DUPLICATE", baseLicenceId: lic.licenceId, duplicateReason: "lost" });
    expect(dup).toMatchObject({ variant: "duplicate", licenceId: lic.licenceId, number: lic.number, licenceNumber: lic.number });
    expect(await t.db.licenceDuplicate.findUniqueOrThrow({ where: { id: dup.duplicateId! } })).toMatchObject({ licenceId: lic.licenceId, reason: "lost", applicationId: dup.applicationId });
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { type: "licence.duplicate_issued", entityId: lic.licenceId } })).toBe(1);
  });

  it("a duplicate or an annex is only for the holder's own licence at the issuing body", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now });
    const stranger = await createSubject(t.db);
    await expect(issueTestLicence(t.db, s, { now, variant: "DUPLICATE", baseLicenceId: lic.licenceId, subjectId: stranger.id })).rejects.toThrow("licences.base_mismatch");
  });

  it("annex: numbered {licence}-{n}, new sub-types added to the licence; nothing new → refused", async () => {
    const s = await createLicensingSetup(t.db, { committee: true, serviceCode: "poisons-licence" });
    const lic = await issueTestLicence(t.db, s, { now, subtypes: ["acquisition-use"] });
    const a1 = await issueTestLicence(t.db, s, { now, variant: "ANNEX", baseLicenceId: lic.licenceId, subtypes: ["acquisition-sale", "acquisition-use"] });
    expect(a1).toMatchObject({ variant: "annex", licenceId: lic.licenceId, number: `${lic.number}-1` });
    expect(await t.db.licenceAnnex.findUniqueOrThrow({ where: { id: a1.annexId! } })).toMatchObject({ number: `${lic.number}-1`, subtypes: ["acquisition-sale"] });
    expect((await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).subtypes).toEqual(["acquisition-use", "acquisition-sale"]);
    const a2 = await issueTestLicence(t.db, s, { now, variant: "ANNEX", baseLicenceId: lic.licenceId, subtypes: ["production-processing"] });
    expect(a2.number).toBe(`${lic.number}-2`);
    await expect(issueTestLicence(t.db, s, { now, variant: "ANNEX", baseLicenceId: lic.licenceId, subtypes: ["acquisition-sale"] })).rejects.toThrow("licences.annex_no_new_subtypes");
    expect(await t.db.licenceAnnex.count({ where: { licenceId: lic.licenceId } })).toBe(2);
  });
});
