import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/platform/auth";
import { canonicalRequestBytes } from "@/lib/trust/pki";
import { DEMO_ORGANISATION_BINS, getSandboxCa, issueCertificatePair, revokeCertificateAsSystem } from "@/lib/trust/certificates";
import { reverifyStoredSignature, sha256Hex, verifyAndRecordDecisionSignature, verifyAndRecordRequestSignature } from "@/lib/trust/signatures";
import type { TIssuePairRequest } from "@/lib/trust/pki/server";
import { createApplication, createOrganisation, createService, createSubject, createUser, uniqueBin, uniqueIin } from "../../factories";
import { createTestDb, type TestDb } from "../../support/test-db";
import { NOW, at, keyPool, legalEntityRequest, signWith } from "./helpers";

let t: TestDb;
const keys = keyPool(8);
const crlUrl = "http://portal.test/api/pki/crl";

let org: { id: string };
let subject: { id: string; identifier: string };
let applicant: Awaited<ReturnType<typeof createUser>>;
let applicationId: string;
let content: Uint8Array;

beforeAll(async () => {
  t = await createTestDb();
  await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keys });
  org = await createOrganisation(t.db);
  await createService(t.db);
  subject = await createSubject(t.db);
  applicant = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
  const app = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: applicant.user.id, status: "DRAFT" });
  applicationId = app.id;
  content = canonicalRequestBytes({
    applicationId,
    serviceCode: "scrap-metal-licence",
    variant: "issue",
    applicant: { bin: subject.identifier },
    formData: { address: "Ақтөбе қ." },
    attachments: [],
  });
});
afterAll(async () => {
  await t.drop();
});

const issue = (request: TIssuePairRequest) =>
  issueCertificatePair(t.db, { request, userId: null, actor: systemActor("test"), now: NOW, keepPkcs12: true, crlUrl, keyGenerator: keys });

const p12 = (c: { pkcs12: Uint8Array | null }) => c.pkcs12!;

describe("verifyAndRecordRequestSignature", () => {
  it("valid: stores the Signature row and audits signature.verified", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin: subject.identifier, role: "first_head" }));
    const cms = signWith(p12(pair.signing), content, NOW);
    const verdict = await t.db.$transaction((tx) =>
      verifyAndRecordRequestSignature(tx, { actor: applicant.actor, applicationId, cms, contentBytes: content, expected: { bin: subject.identifier }, now: NOW }),
    );
    expect(verdict.status).toBe("valid");
    expect(verdict.signer).toMatchObject({ bin: subject.identifier, role: "first_head", serial: pair.signing.serial });
    const row = await t.db.signature.findUniqueOrThrow({ where: { id: verdict.signatureId! } });
    expect(row).toMatchObject({ purpose: "REQUEST", applicationId, status: "valid", signerBin: subject.identifier, certSerial: pair.signing.serial, contentSha256: sha256Hex(content), createdById: applicant.user.id });
    expect(row.signingTime).toEqual(NOW);
    expect(Buffer.from(row.cms).equals(Buffer.from(cms))).toBe(true);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "signature.verified", applicationId } });
    expect(audit.data).toMatchObject({ purpose: "REQUEST", status: "valid", signatureId: verdict.signatureId, certSerial: pair.signing.serial });
    expect(audit.organisationId).toBe(org.id);
  });

  it("revoked certificate: status revoked, no Signature row, audit signature.rejected, application unchanged", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin: subject.identifier, role: "signer" }));
    await revokeCertificateAsSystem(t.db, { job: "test", serial: pair.signing.serial, reason: "key_compromise", now: at(1) });
    const before = await t.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    const signatures = await t.db.signature.count();
    const cms = signWith(p12(pair.signing), content, at(2));
    const verdict = await verifyAndRecordRequestSignature(t.db, { actor: applicant.actor, applicationId, cms, contentBytes: content, expected: { bin: subject.identifier }, now: at(2) });
    expect(verdict.status).toBe("revoked");
    expect(verdict.signatureId).toBeUndefined();
    expect(verdict.revokedAt).toEqual(at(1));
    expect(await t.db.signature.count()).toBe(signatures);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "signature.rejected", applicationId }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({ status: "revoked", certSerial: pair.signing.serial, signatureId: null });
    const after = await t.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect({ status: after.status, version: after.version, updatedAt: after.updatedAt }).toEqual({ status: before.status, version: before.version, updatedAt: before.updatedAt });
  });

  it("IIN/BIN of the certificate differs from the applicant's: subject_mismatch", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "first_head" }));
    const cms = signWith(p12(pair.signing), content, at(2));
    const verdict = await verifyAndRecordRequestSignature(t.db, { actor: applicant.actor, applicationId, cms, contentBytes: content, expected: { bin: subject.identifier }, now: at(2) });
    expect(verdict).toMatchObject({ status: "subject_mismatch", reason: "bin" });
    expect(verdict.signatureId).toBeUndefined();
  });

  it("the login key, an employee without signing right, other content: refused with their status", async () => {
    const head = await issue(legalEntityRequest({ iin: uniqueIin(), bin: subject.identifier, role: "first_head" }));
    const employee = await issue(legalEntityRequest({ iin: uniqueIin(), bin: subject.identifier, role: "employee" }));
    const run = (cms: Uint8Array, bytes = content) =>
      verifyAndRecordRequestSignature(t.db, { actor: applicant.actor, applicationId, cms, contentBytes: bytes, expected: { bin: subject.identifier }, now: at(2) });
    expect((await run(signWith(p12(head.authentication), content, at(2)))).status).toBe("wrong_key_usage");
    expect((await run(signWith(p12(employee.signing), content, at(2)))).status).toBe("role_not_allowed");
    expect((await run(signWith(p12(head.signing), content, at(2)), new TextEncoder().encode("other"))).status).toBe("content_mismatch");
    expect((await run(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).status).toBe("malformed");
  });

  it("an application outside the actor's scope is not found", async () => {
    const other = await createUser(t.db, "APPLICANT", { subjectId: (await createSubject(t.db)).id });
    await expect(
      verifyAndRecordRequestSignature(t.db, { actor: other.actor, applicationId, cms: new Uint8Array([0x30]), contentBytes: content, expected: { bin: subject.identifier }, now: at(2) }),
    ).rejects.toThrow("errors.not_found");
  });
});

describe("reverifyStoredSignature", () => {
  it("still valid after the certificate expired and after a later revocation (judged at the recorded time)", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin: subject.identifier, role: "first_head", notBefore: at(-30), notAfter: at(10) }));
    const cms = signWith(p12(pair.signing), content, at(5));
    const verdict = await verifyAndRecordRequestSignature(t.db, { actor: applicant.actor, applicationId, cms, contentBytes: content, expected: { bin: subject.identifier }, now: at(5) });
    expect(verdict.status).toBe("valid");
    await revokeCertificateAsSystem(t.db, { job: "test", serial: pair.signing.serial, reason: "superseded", now: at(8) });

    const later = await reverifyStoredSignature(t.db, verdict.signatureId!, at(100), content);
    expect(later).toMatchObject({ status: "valid", judgedAt: at(5), revokedAt: at(8) });
    expect(later.signer!.notAfter < at(100)).toBe(true);
    expect((await reverifyStoredSignature(t.db, verdict.signatureId!, at(100), new TextEncoder().encode("x"))).status).toBe("content_mismatch");
  });
});

describe("verifyAndRecordDecisionSignature", () => {
  it("the head's signing key of the provider's BIN with signing right is valid; another BIN or a non-signer is refused", async () => {
    const aktobe = await createOrganisation(t.db, { code: "aktobe" });
    const bin = DEMO_ORGANISATION_BINS.aktobe!;
    const headIin = uniqueIin();
    const head = await createUser(t.db, "HEAD", { organisationId: aktobe.id });
    await t.db.user.update({ where: { id: head.user.id }, data: { canSign: true, iin: headIin } });
    const actor = { ...head.actor, canSign: true };
    const app = await createApplication(t.db, { organisationId: aktobe.id, subjectId: subject.id, createdById: applicant.user.id });
    const decision = new TextEncoder().encode(JSON.stringify({ type: "decision", applicationId: app.id, outcome: "issue" }));
    const run = (cms: Uint8Array, a = actor) =>
      verifyAndRecordDecisionSignature(t.db, { actor: a, applicationId: app.id, cms, contentBytes: decision, now: at(3) });

    const own = await issue({ ...legalEntityRequest({ iin: headIin, bin, role: "first_head" }), organisation: "ГУ «Акимат»" });
    const ok = await run(signWith(p12(own.signing), decision, at(3)));
    expect(ok.status).toBe("valid");
    expect(await t.db.signature.findUniqueOrThrow({ where: { id: ok.signatureId! } })).toMatchObject({ purpose: "DECISION", signerBin: bin, signerIin: headIin, createdById: head.user.id });

    const otherBody = await issue(legalEntityRequest({ iin: headIin, bin: uniqueBin(), role: "first_head" }));
    expect(await run(signWith(p12(otherBody.signing), decision, at(3)))).toMatchObject({ status: "subject_mismatch", reason: "bin" });
    const employee = await issue(legalEntityRequest({ iin: headIin, bin, role: "employee" }));
    expect((await run(signWith(p12(employee.signing), decision, at(3)))).status).toBe("role_not_allowed");
    await expect(run(signWith(p12(own.signing), decision, at(3)), { ...actor, canSign: false })).rejects.toThrow("auth.forbidden");
  });
});
