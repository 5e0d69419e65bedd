import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/platform/core";
import { MemoryCaStore, RevocationSet, SandboxCa, TrustStore, openPkcs12, parseCrl, signDetached } from "@/lib/trust/pki/server";
import { formatLicenceNumber, readSignatureFile, verifyUploadedSignature } from "@/lib/cases/licences";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createLicensingSetup, issueTestLicence } from "../../factories/licences";

let t: TestDb;
let ctx: { trustStore: TrustStore; revocations: RevocationSet; now: Date };
let sign: (content: Uint8Array, at: Date) => Uint8Array;

const now = new Date("2026-11-30T05:00:00Z");
const signedAt = new Date("2026-11-30T04:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  const ca = new SandboxCa({ store: new MemoryCaStore(), clock: fixedClock(now) });
  const trustStore = TrustStore.from(await ca.trustAnchors());
  const pair = await ca.issuePair({
    kind: "legal_entity",
    role: "first_head",
    iin: "920401300011",
    bin: "990440000018",
    organisation: "ГУ «Управление предпринимательства»",
    surname: "САРСЕНБАЕВ",
    givenName: "АЛИБЕК",
    password: "Qwerty12",
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2027-12-31T00:00:00Z"),
  });
  const key = openPkcs12(pair.signing.pkcs12, "Qwerty12");
  sign = (content, at) => signDetached({ ...key, content, signingTime: at });
  ctx = { trustStore, revocations: RevocationSet.fromCrls([parseCrl(await ca.getCrl(now), trustStore, now)]), now };
}, 60_000);
afterAll(async () => {
  await t.drop();
});

/** A licence whose registered signature is a real CMS over `document`. */
async function signedLicence(document: Uint8Array) {
  const s = await createLicensingSetup(t.db);
  const lic = await issueTestLicence(t.db, s, { now: signedAt });
  const cms = sign(document, signedAt);
  await t.db.signature.update({
    where: { id: lic.signatureId! },
    data: { cms: new Uint8Array(cms), contentSha256: createHash("sha256").update(document).digest("hex"), signingTime: signedAt },
  });
  return { s, lic, cms };
}

describe("verifyUploadedSignature", () => {
  const document = new TextEncoder().encode("ЛИЦЕНЗИЯ — electronic licence document bytes");

  it("the registered .p7s over the registered document: valid, same as registered, document matches", async () => {
    const { lic, cms } = await signedLicence(document);
    const r = await verifyUploadedSignature(t.db, { number: lic.number.toLowerCase(), cms, content: document }, ctx);
    expect(r).toMatchObject({ outcome: "checked", sameAsRegistered: true, documentMatchesRegister: true, verification: { status: "valid", judgedAt: signedAt } });
    if (r.outcome === "checked") expect(r.licence.number).toBe(lic.number);
  });

  it("another document with that signature is a content mismatch and does not match the register", async () => {
    const { lic, cms } = await signedLicence(document);
    const other = new TextEncoder().encode("a forged document");
    const r = await verifyUploadedSignature(t.db, { number: lic.number, cms, content: other }, ctx);
    expect(r).toMatchObject({ outcome: "checked", sameAsRegistered: true, documentMatchesRegister: false, verification: { status: "content_mismatch" } });
  });

  it("a valid signature that is not the registered one is reported as such", async () => {
    const { lic } = await signedLicence(document);
    const fresh = sign(document, new Date("2026-11-30T04:30:00Z"));
    const r = await verifyUploadedSignature(t.db, { number: lic.number, cms: fresh, content: document }, ctx);
    expect(r).toMatchObject({ outcome: "checked", sameAsRegistered: false, documentMatchesRegister: true, verification: { status: "valid" } });
  });

  it("unknown licence, a tacit licence without signature, a malformed number", async () => {
    const cms = sign(document, signedAt);
    const unknown = formatLicenceNumber({ year: 2099, regionCode: "00", sequence: 9_999_999 });
    expect(await verifyUploadedSignature(t.db, { number: unknown, cms, content: document }, ctx)).toEqual({ outcome: "licence_not_found" });
    const s = await createLicensingSetup(t.db);
    const tacit = await issueTestLicence(t.db, s, { now: signedAt, tacit: true });
    expect(await verifyUploadedSignature(t.db, { number: tacit.number, cms, content: document }, ctx)).toMatchObject({ outcome: "no_signature", licence: { number: tacit.number } });
    await expect(verifyUploadedSignature(t.db, { number: "KZ1", cms, content: document }, ctx)).rejects.toThrow("licences.invalid_number");
  });

  it("reads a .p7s saved as DER, Base64 or PEM", () => {
    const der = sign(document, signedAt);
    const b64 = Buffer.from(der).toString("base64");
    expect(readSignatureFile(der)).toEqual(der);
    expect(readSignatureFile(new TextEncoder().encode(b64.replace(/(.{64})/g, "$1\n")))).toEqual(der);
    expect(readSignatureFile(new TextEncoder().encode(`-----BEGIN CMS-----\n${b64}\n-----END CMS-----\n`))).toEqual(der);
    expect(() => readSignatureFile(new TextEncoder().encode("not a signature"))).toThrow("licences.upload_unreadable");
    expect(() => readSignatureFile(new Uint8Array())).toThrow("licences.upload_missing");
    expect(() => readSignatureFile(new Uint8Array(70 * 1024).fill(0x30))).toThrow("licences.upload_too_large");
  });
});
