import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import {
  LICENCE_PAGE_SIZE,
  formatLicenceNumber,
  getLicenceDocument,
  getLicenceSignatureFile,
  getPublicLicenceStatus,
  licenceVerifyUrl,
  listLicences,
  suspendLicence,
} from "@/lib/cases/licences";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createUser } from "../../factories";
import { createLicensingSetup, issueTestLicence } from "../../factories/licences";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 5, 0));

describe("public licence status", () => {
  it("by number: holder and BIN, service, sub-types, provider, status, validity, chain, duplicates, signature summary", async () => {
    const s = await createLicensingSetup(t.db);
    const v1 = await issueTestLicence(t.db, s, { now: day(2), subtypes: ["ferrous-collection"] });
    const v2 = await issueTestLicence(t.db, s, { now: day(10), variant: "REISSUE", baseLicenceId: v1.licenceId, subtypes: ["ferrous-collection", "ferrous-sale"] });
    await issueTestLicence(t.db, s, { now: day(20), variant: "DUPLICATE", baseLicenceId: v2.licenceId, duplicateReason: "damaged" });

    const pub = (await getPublicLicenceStatus(t.db, { number: ` ${v2.number.toLowerCase()} ` }))!;
    expect(pub).toMatchObject({
      number: v2.number,
      status: "ACTIVE",
      holder: { name: s.subject.name, identifier: s.subject.identifier, identifierMasked: false, kind: "LEGAL_ENTITY" },
      service: { code: "scrap-metal-licence" },
      provider: { code: s.org.code },
      validFrom: day(10),
      validTo: null,
      issuedAt: day(10),
      versionNo: 2,
      previous: { number: v1.number },
      supersededBy: null,
      duplicates: [{ issuedAt: day(20), reason: "damaged" }],
      signature: { signerName: "Сәрсенбаев Әлібек", signingTime: day(10), status: "valid" },
    });
    expect(pub.service.title.ru).toMatch(/^Выдача лицензии/);
    expect(pub.subtypes.map((x) => [x.code, x.label.kk])).toEqual([
      ["ferrous-collection", "Қара металл сынықтары мен қалдықтарын жинау (дайындау)"],
      ["ferrous-sale", "Қара металл сынықтары мен қалдықтарын өткізу"],
    ]);
    expect(pub.chain.map((c) => [c.number, c.versionNo, c.status])).toEqual([
      [v1.number, 1, "SUPERSEDED"],
      [v2.number, 2, "ACTIVE"],
    ]);

    const old = (await getPublicLicenceStatus(t.db, { number: v1.number }))!;
    expect(old).toMatchObject({ status: "SUPERSEDED", supersededBy: { number: v2.number, issuedAt: day(10) }, statusChangedAt: day(10) });
    expect(old.chain).toEqual(pub.chain);
  });

  it("by number: unknown → null, malformed → licences.invalid_number; an annex number finds its licence", async () => {
    const s = await createLicensingSetup(t.db, { committee: true, serviceCode: "poisons-licence" });
    const lic = await issueTestLicence(t.db, s, { now: day(3), subtypes: ["acquisition-use"] });
    await issueTestLicence(t.db, s, { now: day(4), variant: "ANNEX", baseLicenceId: lic.licenceId, subtypes: ["acquisition-sale"] });
    const unknown = formatLicenceNumber({ year: 2026, regionCode: "00", sequence: 999_999 });
    expect(await getPublicLicenceStatus(t.db, { number: unknown })).toBeNull();
    const typo = `${unknown.slice(0, -1)}${(Number(unknown.slice(-1)) + 1) % 10}`;
    await expect(getPublicLicenceStatus(t.db, { number: typo })).rejects.toThrow("licences.invalid_number");
    const viaAnnex = (await getPublicLicenceStatus(t.db, { number: `${lic.number}-1` }))!;
    expect(viaAnnex.number).toBe(lic.number);
    expect(viaAnnex.annexes).toMatchObject([{ number: `${lic.number}-1`, issuedAt: day(4), subtypes: [{ code: "acquisition-sale" }] }]);
  });

  it("by BIN: all of the holder's licences, newest first, with a suspension shown until its end", async () => {
    const s = await createLicensingSetup(t.db);
    const a = await issueTestLicence(t.db, s, { now: day(5) });
    const b = await issueTestLicence(t.db, s, { now: day(6), subtypes: ["ferrous-storage"] });
    await suspendLicence(t.db, s.head, { licenceId: a.licenceId, reason: "проверка", from: day(7), to: new Date("2027-01-07T05:00:00Z") }, { now: day(7) });
    const list = await getPublicLicenceStatus(t.db, { identifier: s.subject.identifier });
    expect(list.map((l) => [l.number, l.status])).toEqual([
      [b.number, "ACTIVE"],
      [a.number, "SUSPENDED"],
    ]);
    expect(list[1]).toMatchObject({ suspendedUntil: new Date("2027-01-07T05:00:00Z"), statusChangedAt: day(7) });
    expect(await getPublicLicenceStatus(t.db, { identifier: "150240000006" })).toEqual([]);
    await expect(getPublicLicenceStatus(t.db, { identifier: "123456789012" })).rejects.toThrow("licences.invalid_identifier");
  });

  it("masks the IIN of a private person but shows the BIN of a legal entity", async () => {
    const s = await createLicensingSetup(t.db);
    const person = await t.db.subject.create({ data: { kind: "INDIVIDUAL", identifier: "900101300017", name: "Өмірзақова Гүлнұр" } });
    const lic = await issueTestLicence(t.db, s, { now: day(8), variant: "ISSUE", subjectId: person.id });
    const pub = (await getPublicLicenceStatus(t.db, { number: lic.number }))!;
    expect(pub.holder).toMatchObject({ identifier: "********0017", identifierMasked: true });
    expect((await getPublicLicenceStatus(t.db, { identifier: "900101300017" })).map((l) => l.number)).toEqual([lic.number]);
  });
});

describe("listLicences", () => {
  it("holder sees their own, officers their organisation's, supervisors their region; others are refused", async () => {
    const s = await createLicensingSetup(t.db, { region: "mangystau" });
    const other = await createLicensingSetup(t.db, { region: "mangystau" });
    const far = await createLicensingSetup(t.db, { region: "kyzylorda" });
    const mine = await issueTestLicence(t.db, s, { now: day(9) });
    const theirs = await issueTestLicence(t.db, other, { now: day(9) });
    const farOne = await issueTestLicence(t.db, far, { now: day(9) });
    const { actor: regional } = await createUser(t.db, "SUPERVISOR", { organisationId: s.org.id, supervisorScope: "REGION" });
    const { actor: admin } = await createUser(t.db, "ADMIN");
    const ids = async (actor: Parameters<typeof listLicences>[1]) => (await listLicences(t.db, actor)).rows.map((r) => r.id);

    expect(await ids(s.applicant)).toEqual([mine.licenceId]);
    expect(await ids(s.clerk)).toEqual([mine.licenceId]);
    expect(await ids(other.head)).toEqual([theirs.licenceId]);
    const regionalIds = await ids(regional);
    expect(regionalIds).toEqual(expect.arrayContaining([mine.licenceId, theirs.licenceId]));
    expect(regionalIds).not.toContain(farOne.licenceId);
    await expect(listLicences(t.db, admin)).rejects.toThrow("auth.forbidden");
  });

  it("filters by status, service, holder BIN or name and number, with keyset pages newest first", async () => {
    const s = await createLicensingSetup(t.db, { region: "zhambyl" });
    const issued: string[] = [];
    for (let i = 0; i < LICENCE_PAGE_SIZE + 3; i++) issued.push((await issueTestLicence(t.db, s, { now: new Date(day(1).getTime() + i * 60_000) })).number);
    const first = await listLicences(t.db, s.head, {});
    expect(first.rows).toHaveLength(LICENCE_PAGE_SIZE);
    expect(first.rows[0]!.number).toBe(issued[issued.length - 1]);
    const second = await listLicences(t.db, s.head, { after: first.next! });
    expect(second.rows.map((r) => r.number)).toEqual(issued.slice(0, 3).reverse());
    expect(second.next).toBeNull();

    await suspendLicence(t.db, s.head, { licenceId: first.rows[1]!.id, reason: "проверка", from: day(1), to: new Date("2027-01-01T00:00:00Z") }, { now: day(2) });
    expect((await listLicences(t.db, s.head, { status: "SUSPENDED" })).rows.map((r) => r.number)).toEqual([first.rows[1]!.number]);
    expect((await listLicences(t.db, s.head, { number: issued[4]!.toLowerCase() })).rows.map((r) => r.number)).toEqual([issued[4]]);
    expect((await listLicences(t.db, s.head, { holder: s.subject.identifier })).rows).toHaveLength(LICENCE_PAGE_SIZE);
    expect((await listLicences(t.db, s.head, { holder: s.subject.name.slice(4).toLowerCase() })).rows).toHaveLength(LICENCE_PAGE_SIZE);
    expect((await listLicences(t.db, s.head, { holder: "нет такого" })).rows).toEqual([]);
    expect((await listLicences(t.db, s.head, { service: "poisons-licence" })).rows).toEqual([]);
  });
});

describe("licence PDF and signature file", () => {
  it("render for the holder and the organisation's staff, also as a duplicate; others get not found", async () => {
    const s = await createLicensingSetup(t.db);
    const other = await createLicensingSetup(t.db, { region: "atyrau" });
    const lic = await issueTestLicence(t.db, s, { now: day(11), subtypes: ["ferrous-collection", "ferrous-sale"] });
    const dup = await issueTestLicence(t.db, s, { now: day(12), variant: "DUPLICATE", baseLicenceId: lic.licenceId });

    const doc = await getLicenceDocument(t.db, s.applicant, lic.licenceId);
    expect(doc).toMatchObject({
      licence: { number: lic.number, versionNo: 1, tacit: false, subtypes: [{ ru: "Сбор (заготовка) лома и отходов черных металлов" }, { ru: "Реализация лома и отходов черных металлов" }] },
      service: { kind: "licence", activity: { ru: expect.stringMatching(/^Осуществление деятельности по сбору/) } },
      holder: { name: s.subject.name, identifier: s.subject.identifier, kind: "LEGAL_ENTITY" },
      signer: { name: "Сәрсенбаев Әлібек" },
      signedAt: day(11),
      duplicate: false,
    });
    const bytes = await renderLicencePdf({ ...doc, verifyUrl: licenceVerifyUrl("https://elicense.example.kz/", lic.number) });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);

    const asDuplicate = await getLicenceDocument(t.db, s.clerk, lic.licenceId, { duplicateId: dup.duplicateId });
    expect(asDuplicate).toMatchObject({ duplicate: true, duplicateIssuedAt: day(12), licence: { number: lic.number } });
    await expect(getLicenceDocument(t.db, s.clerk, lic.licenceId, { duplicateId: "00000000-0000-0000-0000-000000000000" })).rejects.toThrow("errors.not_found");

    await expect(getLicenceDocument(t.db, other.head, lic.licenceId)).rejects.toThrow("errors.not_found");
    await expect(getLicenceDocument(t.db, other.applicant, lic.licenceId)).rejects.toThrow("errors.not_found");

    const p7s = await getLicenceSignatureFile(t.db, s.applicant, lic.licenceId);
    const stored = await t.db.signature.findUniqueOrThrow({ where: { id: lic.signatureId! } });
    expect(p7s.fileName).toBe(`${lic.number}.p7s`);
    expect(Buffer.from(p7s.cms).equals(Buffer.from(stored.cms))).toBe(true);
    await expect(getLicenceSignatureFile(t.db, other.clerk, lic.licenceId)).rejects.toThrow("errors.not_found");
    const tacit = await issueTestLicence(t.db, s, { now: day(13), tacit: true });
    await expect(getLicenceSignatureFile(t.db, s.applicant, tacit.licenceId)).rejects.toThrow("errors.not_found");
  });
});
