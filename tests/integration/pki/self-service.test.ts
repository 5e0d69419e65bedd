import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKeyStore, canonicalRequestBytes, createCertificationRequest, generateRsaKeyPairInPlace, readCertificate, type RsaKeyPair } from "@/lib/trust/pki";
import { SELF_SERVICE_DAILY_LIMIT, getSandboxCa, issueSelfServiceCertificate } from "@/lib/trust/certificates";
import { verifyAndRecordRequestSignature } from "@/lib/trust/signatures";
import { createApplication, createOrganisation, createService, createUser, uniqueBin, uniqueIin } from "../../factories";
import { createTestDb, type TestDb } from "../../support/test-db";
import { DAY, NOW, keyPool, signWith } from "./helpers";

let t: TestDb;
const crlUrl = "http://portal.test/api/pki/crl";
const PASSWORD = "Sandbox-2026";
let holderKeys: RsaKeyPair;
let csr: string;
let org: { id: string };

type Account = Awaited<ReturnType<typeof createUser>> & { subject: { id: string; identifier: string; kind: string } };

async function legalEntityAccount(o: { headInRegistry: boolean }): Promise<Account & { headIin: string }> {
  const bin = uniqueBin();
  const headIin = uniqueIin();
  const name = `«Сынық ${bin}» ЖШС`;
  if (o.headInRegistry) {
    await t.db.registryEntity.create({ data: { bin, name, legalAddress: "Ақтөбе қ.", headName: "Ғабдуллин Ерболат Серікұлы", headIin, registeredAt: new Date("2015-02-10"), status: "ACTIVE" } });
  }
  // As registration stores a legal entity: no head on the subject.
  const subject = await t.db.subject.create({ data: { kind: "LEGAL_ENTITY", identifier: bin, name } });
  return { ...(await createUser(t.db, "APPLICANT", { subjectId: subject.id })), subject, headIin };
}

async function individualAccount(): Promise<Account> {
  const iin = uniqueIin();
  const subject = await t.db.subject.create({ data: { kind: "INDIVIDUAL", identifier: iin, name: "Жеке Тұлға" } });
  const account = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
  await t.db.user.update({ where: { id: account.user.id }, data: { surname: "Нұрсұлтанова", givenName: "Әйгерім", iin } });
  return { ...account, subject };
}

/** What the browser does after issuance: wrap the certificate with its key. */
function keyStoreOf(issued: { certificatePem: string; chainPem: string[] }) {
  return buildKeyStore({ privateKey: holderKeys.privateKey, certificatePem: issued.certificatePem, chainPem: issued.chainPem, password: PASSWORD, friendlyName: "sandbox" });
}

beforeAll(async () => {
  t = await createTestDb();
  await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keyPool(3) });
  org = await createOrganisation(t.db);
  await createService(t.db);
  holderKeys = await generateRsaKeyPairInPlace();
  csr = createCertificationRequest(holderKeys);
});
afterAll(async () => {
  await t.drop();
});

describe("issueSelfServiceCertificate (sandbox CA self-service)", () => {
  it("legal entity: the head's signing certificate with the account's BIN, the head's IIN from the registry; no key stored; audited", async () => {
    const a = await legalEntityAccount({ headInRegistry: true });
    const issued = await issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: NOW, crlUrl });
    const info = readCertificate(issued.certificatePem);
    expect(info).toMatchObject({ bin: a.subject.identifier, iin: a.headIin, purpose: "signing", subjectRole: "first_head" });
    expect(info.subject).toContain("ҒАБДУЛЛИН");
    expect(issued.chainPem).toHaveLength(2);
    expect(issued.notBefore.getTime()).toBeLessThan(NOW.getTime());

    const row = await t.db.issuedCertificate.findUniqueOrThrow({ where: { serial: issued.serial } });
    expect(row).toMatchObject({ userId: a.user.id, bin: a.subject.identifier, iin: a.headIin, purpose: "SIGNING", role: "first_head", p12: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "pki.self_service_certificate_issued", entityId: issued.serial } });
    expect(audit).toMatchObject({ actorId: a.user.id, entityType: "certificate" });
    expect(audit.data).toMatchObject({ bin: a.subject.identifier, sandbox: true });
  });

  it("individual: an individual's certificate with the account's IIN and name", async () => {
    const a = await individualAccount();
    const issued = await issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: NOW, crlUrl });
    const info = readCertificate(issued.certificatePem);
    expect(info).toMatchObject({ iin: a.subject.identifier, bin: null, purpose: "signing", subjectRole: "individual" });
    expect(info.subject).toContain("НҰРСҰЛТАНОВА");
  });

  it("a certificate issued to account A signs A's request, and the server refuses it for account B's request", async () => {
    const a = await legalEntityAccount({ headInRegistry: true });
    const b = await legalEntityAccount({ headInRegistry: true });
    const issued = await issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: NOW, crlUrl });
    const p12 = keyStoreOf(issued);
    const verdictFor = async (owner: Account) => {
      const app = await createApplication(t.db, { organisationId: org.id, subjectId: owner.subject.id, createdById: owner.user.id, status: "DRAFT" });
      const content = canonicalRequestBytes({ applicationId: app.id, serviceCode: "scrap-metal-licence", variant: "issue", applicant: { bin: owner.subject.identifier }, formData: {}, attachments: [] });
      const cms = signWith(p12, content, NOW, PASSWORD);
      return t.db.$transaction((tx) =>
        verifyAndRecordRequestSignature(tx, { actor: owner.actor, applicationId: app.id, cms, contentBytes: content, expected: { bin: owner.subject.identifier }, now: NOW }),
      );
    };
    expect((await verdictFor(a)).status).toBe("valid");
    const refused = await verdictFor(b);
    expect(refused).toMatchObject({ status: "subject_mismatch" });
    expect(refused.signatureId).toBeUndefined();
  });

  it("bounded per account: the fourth certificate within 24 hours is refused, the next day is allowed", async () => {
    const a = await legalEntityAccount({ headInRegistry: true });
    for (let i = 0; i < SELF_SERVICE_DAILY_LIMIT; i++) await issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: new Date(NOW.getTime() + i * 60_000), crlUrl });
    await expect(issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: new Date(NOW.getTime() + 3_600_000), crlUrl })).rejects.toMatchObject({ code: "testEds.errors.limit_reached" });
    await expect(issueSelfServiceCertificate(t.db, { actor: a.actor, csr, now: new Date(NOW.getTime() + DAY + 3_600_000), crlUrl })).resolves.toMatchObject({ serial: expect.any(String) });
  });

  it("refuses a damaged CSR, a non-applicant, and a legal entity whose head is unknown — and issues nothing", async () => {
    const a = await legalEntityAccount({ headInRegistry: true });
    const before = await t.db.issuedCertificate.count();
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der[der.length - 10]! ^= 0xff; // inside the CSR's signature
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----`;
    await expect(issueSelfServiceCertificate(t.db, { actor: a.actor, csr: tampered, now: NOW, crlUrl })).rejects.toMatchObject({ code: "pki.invalid_csr" });
    await expect(issueSelfServiceCertificate(t.db, { actor: a.actor, csr: "", now: NOW, crlUrl })).rejects.toThrow();
    const officer = await createUser(t.db, "EXECUTOR", { organisationId: org.id });
    await expect(issueSelfServiceCertificate(t.db, { actor: officer.actor, csr, now: NOW, crlUrl })).rejects.toMatchObject({ code: "testEds.errors.not_applicant" });
    const unknown = await legalEntityAccount({ headInRegistry: false });
    await expect(issueSelfServiceCertificate(t.db, { actor: unknown.actor, csr, now: NOW, crlUrl })).rejects.toMatchObject({ code: "testEds.errors.head_unknown" });
    expect(await t.db.issuedCertificate.count()).toBe(before);
  });
});
