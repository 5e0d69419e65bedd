import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { executeCommand } from "@/lib/cases/applications";
import { decisionSigningContent, signDecision } from "@/lib/cases/officer-actions";
import { getLicencePdfFile, prepareDeemedSignature, signDeemedLicence, verifySignedFile, type TFileVerification } from "@/lib/cases/licence-signing";
import { getSignedPackage } from "@/lib/cases/signed-packages";
import { DbSandboxCa, getVerificationContext } from "@/lib/trust/certificates";
import { extractPdfSignatures, signedBytes } from "@/lib/trust/pades";
import { openPkcs12 } from "@/lib/trust/pki";
import { decodeCms } from "@/lib/trust/pki/server";
import { systemActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";
import { PASSWORD, signWith } from "../pki/helpers";
import { startTsaServer } from "../pki/tsa-server";
import { expectedOf, headSigning, submittedApplication } from "../worklist/helpers";
import { driveToSigning } from "./signing-flow";

/**
 * The licence PDF as standard tools see it (Debian poppler-utils: pdfsig, pdffonts, pdfdetach,
 * pdftotext; qpdf; openssl): issued through the officers' use cases with the head's key signing
 * in node-forge exactly as the browser does.
 */

let t: TestDb;
let dir: string;
let caFile: string;
let atyrau: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor;
let eds: Awaited<ReturnType<typeof headSigning>>;

// Monday 30 November 2026, 10:00 Almaty; the CA and keys of headSigning are dated from here.
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const SUBTYPES = ["ferrous-collection", "ferrous-storage"];

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "latin1" });
  if (r.error) throw r.error;
  return { status: r.status, out: Buffer.from(`${r.stdout}${r.stderr}`, "latin1").toString("utf8") };
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** openssl over the byte ranges of the last PDF signature, at the signing time. */
function opensslVerifyPdf(pdf: Uint8Array, name: string, attime: Date) {
  const sig = extractPdfSignatures(pdf).at(-1)!;
  const cms = file(`${name}.p7s`, sig.cms!);
  const content = file(`${name}.ranges`, sig.content);
  return run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", content, "-CAfile", caFile, "-attime", String(Math.floor(attime.getTime() / 1000)), "-out", "/dev/null"]);
}

/** One byte of the signed range changed: the document language "kk-KZ" becomes "kk-KQ". */
function tampered(pdf: Uint8Array): Uint8Array {
  const i = Buffer.from(pdf).indexOf("(kk-KZ)");
  expect(i).toBeGreaterThan(0);
  const copy = pdf.slice();
  copy[i + 5] = "Q".charCodeAt(0);
  return copy;
}

async function check(bytes: Uint8Array, now: Date, signature?: Uint8Array): Promise<TFileVerification> {
  const ctx = await getVerificationContext(t.db, now);
  return verifySignedFile(t.db, { file: bytes, signature: signature ?? null }, { trustStore: ctx.trustStore, revocations: ctx.revocations, now });
}

beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(path.join(tmpdir(), "pades-"));
  await loadReferenceData(t.db);
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  const subject = await createSubject(t.db);
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: atyrau })).actor;
  const h = await createUser(t.db, "HEAD", { organisationId: atyrau });
  await t.db.user.update({ where: { id: h.user.id }, data: { canSign: true } });
  head = { ...h.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  eds = await headSigning(t.db, { head, organisationCode: "atyrau", iin: "720810300013" });
  const anchors = await new DbSandboxCa(t.db, { now: t0 }).trustAnchors();
  caFile = file("ca.pem", [...anchors.anchors, ...anchors.intermediates].join("\n"));
}, 180_000);
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function signedLicence(o: { variant?: "ISSUE" | "REISSUE" | "DUPLICATE"; baseLicenceId?: string; start: number }) {
  const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(o.start), ...(o.variant ? { variant: o.variant } : {}) });
  if (o.baseLicenceId) await t.db.application.update({ where: { id: app.id }, data: { baseLicenceId: o.baseLicenceId } });
  await driveToSigning(t.db, { applicationId: app.id, clerk, head, executor, subtypes: SUBTYPES, start: at(o.start) });
  const when = at(o.start + 60);
  const { cmsBase64, document } = await eds.signLicence({ actor: head, now: when }, app.id, when);
  const expected = expectedOf(await t.db.application.findUniqueOrThrow({ where: { id: app.id } }));
  const signed = await signDecision(t.db, { actor: head, now: when }, { applicationId: app.id, expected: expected as never, cmsBase64, document });
  return { app, signed, when };
}

describe("the head signs the licence PDF itself (PAdES)", () => {
  let issued: { licenceId: string; number: string; pdf: Uint8Array; decisionSignatureId: string; when: Date };

  it("issue: one action gives a PDF that pdfsig, qpdf, pdffonts and openssl accept, and the register keeps it", async () => {
    const { app, signed, when } = await signedLicence({ start: 0 });
    const licence = await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(licence.signatureId).toBe(signed.signatureId); // the structured decision record stays the licence's signature
    const { pdf, stored } = await getLicencePdfFile(t.db, applicant, licence.id);
    expect(stored).toBe(true);
    issued = { licenceId: licence.id, number: licence.number, pdf, decisionSignatureId: signed.signatureId, when };
    const doc = await t.db.licenceDocument.findFirstOrThrow({ where: { licenceId: licence.id } });
    expect(doc).toMatchObject({ revision: 1, signatureId: signed.documentSignatureId });

    const p = file("licence.pdf", pdf);
    const sig = run("pdfsig", ["-nocert", p]);
    expect(sig.out.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(sig.out).toContain("Signer Certificate Common Name: ТЕСТОВ ТЕСТ");
    expect(sig.out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(sig.out).toContain("Total document signed");
    expect(sig.out).toContain("Signature Validation: Signature is Valid.");
    expect(run("qpdf", ["--check", p]).status).toBe(0);
    const fonts = run("pdffonts", [p]).out.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+(?:yes|no)\s+yes\s+/); // embedded, (subset), unicode map
    const text = run("pdftotext", ["-layout", p, "-"]).out;
    expect(text).toContain(licence.number);
    expect(text).toContain("ЭЦП встроена в документ (PAdES)");
    expect(opensslVerifyPdf(pdf, "licence", when)).toMatchObject({ status: 0 });
    // The QR code still decodes to the public check of this number (Debian zbar-tools).
    run("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", p, path.join(dir, "licence-page")]);
    expect(run("zbarimg", ["-q", "--raw", path.join(dir, "licence-page-1.png")]).out).toContain(`/verify/${licence.number}`);

    const ok = await check(pdf, at(200));
    expect(ok).toMatchObject({ format: "pdf", valid: true, register: { matches: true, kind: "licence", revision: 1, latestRevision: true, licence: { number: licence.number, tacit: false } } });
    expect(ok.signatures).toHaveLength(1);
    expect(ok.signatures[0]).toMatchObject({
      status: "valid",
      registered: true,
      coversWholeFile: true,
      judgedAt: when,
      revocation: "not_revoked",
      signer: { name: "ТЕСТОВ ТЕСТ", iin: "720810300013", bin: "990540002404" },
    });
    expect(ok.signatures[0]!.chain).toHaveLength(3);
  }, 120_000);

  it("a copy with one byte changed is invalid for pdfsig, openssl and the portal's upload check", async () => {
    const bad = tampered(issued.pdf);
    const p = file("tampered.pdf", bad);
    const sig = run("pdfsig", ["-nocert", p]);
    expect(sig.out).not.toContain("Signature is Valid");
    expect(sig.out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    expect(opensslVerifyPdf(bad, "tampered", issued.when).status).not.toBe(0);
    const r = await check(bad, at(200));
    expect(r).toMatchObject({ valid: false, register: { matches: false } });
    expect(r.signatures[0]).toMatchObject({ status: "content_mismatch", registered: false });
  });

  it("the decision as a signed package (.p7s with the content inside) verifies with openssl and the published CA chain", async () => {
    const pkg = await getSignedPackage(t.db, head, issued.decisionSignatureId);
    expect(pkg.fileName).toMatch(/-decision\.p7s$/);
    const out = path.join(dir, "decision.json");
    const r = run("openssl", ["cms", "-verify", "-inform", "DER", "-in", file("decision.p7s", pkg.der), "-CAfile", caFile, "-attime", String(Math.floor(issued.when.getTime() / 1000)), "-out", out]);
    expect(r.status).toBe(0);
    const app = await t.db.application.findFirstOrThrow({ where: { licences: { some: { id: issued.licenceId } } }, include: { subject: true } });
    expect(Buffer.from(decisionSigningContent(app)!).equals(Buffer.from(run("cat", [out]).out, "utf8"))).toBe(true);
    const v = await check(pkg.der, at(200));
    expect(v).toMatchObject({ format: "package", valid: true, register: { matches: true, kind: "decision", licence: { number: issued.number } } });
    // The applicant gets it too; someone outside the application does not.
    await expect(getSignedPackage(t.db, applicant, issued.decisionSignatureId)).resolves.toBeTruthy();
    const stranger = (await createUser(t.db, "APPLICANT", { subjectId: (await createSubject(t.db)).id })).actor;
    await expect(getSignedPackage(t.db, stranger, issued.decisionSignatureId)).rejects.toThrow("errors.not_found");
  });

  it("the applicant's signed request as a package verifies with openssl", async () => {
    const { requestBytesFor } = await import("@/lib/cases/applications");
    const { issueCertificatePair } = await import("@/lib/trust/certificates");
    const { verifyAndRecordRequestSignature } = await import("@/lib/trust/signatures");
    const { legalEntityRequest, keyPool } = await import("../pki/helpers");
    const subject = await t.db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
    const app = await t.db.application.findFirstOrThrow({ where: { subjectId: subject.id }, include: { subject: true } });
    const pair = await issueCertificatePair(t.db, {
      request: legalEntityRequest({ iin: "800115300002", bin: subject.identifier, role: "first_head" }),
      userId: applicant.userId,
      actor: systemActor("test"),
      now: t0,
      keepPkcs12: true,
      crlUrl: "http://portal.test/api/pki/crl",
      keyGenerator: keyPool(3, 0),
    });
    const content = await requestBytesFor(t.db, app);
    const cms = signWith(pair.signing.pkcs12!, content, at(1));
    const verdict = await verifyAndRecordRequestSignature(t.db, { actor: applicant, applicationId: app.id, cms, contentBytes: content, expected: { bin: subject.identifier }, now: at(1) });
    expect(verdict.status).toBe("valid");
    const pkg = await getSignedPackage(t.db, applicant, verdict.signatureId!);
    const r = run("openssl", ["cms", "-verify", "-inform", "DER", "-in", file("request.p7s", pkg.der), "-CAfile", caFile, "-attime", String(Math.floor(at(1).getTime() / 1000)), "-out", "/dev/null"]);
    expect(r.status).toBe(0);
    // Content and detached .p7s uploaded together: the same verdict.
    const detached = await check(content, at(200), cms);
    expect(detached).toMatchObject({ format: "detached", valid: true, register: { matches: true, kind: "request" } });
  });

  it("duplicate: marked, names the original's signer, carries the original signed PDF, signed by the head", async () => {
    const { app, when } = await signedLicence({ variant: "DUPLICATE", baseLicenceId: issued.licenceId, start: 300 });
    const dup = await t.db.licenceDuplicate.findFirstOrThrow({ where: { applicationId: app.id } });
    const { pdf } = await getLicencePdfFile(t.db, applicant, issued.licenceId, { duplicateId: dup.id });
    const p = file("duplicate.pdf", pdf);
    expect(run("pdfsig", ["-nocert", p]).out).toContain("Signature Validation: Signature is Valid.");
    expect(run("qpdf", ["--check", p]).status).toBe(0);
    const text = run("pdftotext", ["-layout", p, "-"]).out;
    expect(text).toContain("ДУБЛИКАТ");
    expect(text).toContain("Оригинал подписал");
    expect(text).toContain(issued.number);
    expect(run("pdfdetach", ["-list", p]).out).toContain(`${issued.number}-original.pdf`);
    const out = path.join(dir, "original.pdf");
    run("pdfdetach", ["-save", "1", "-o", out, p]);
    expect(run("pdfsig", ["-nocert", out]).out).toContain("Signature Validation: Signature is Valid.");
    expect(await check(pdf, at(500))).toMatchObject({ valid: true, register: { matches: true, kind: "duplicate" } });
    expect(opensslVerifyPdf(pdf, "duplicate", when).status).toBe(0);
  }, 120_000);

  it("re-issue: the new licence carries the new signature and names the licence it replaces", async () => {
    const { app } = await signedLicence({ variant: "REISSUE", baseLicenceId: issued.licenceId, start: 600 });
    const next = await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(next.number).not.toBe(issued.number);
    const { pdf } = await getLicencePdfFile(t.db, applicant, next.id);
    const p = file("reissue.pdf", pdf);
    expect(run("pdfsig", ["-nocert", p]).out).toContain("Signature Validation: Signature is Valid.");
    const text = run("pdftotext", ["-layout", p, "-"]).out;
    expect(text).toContain(next.number);
    expect(text).toContain(`Предыдущая лицензия: ${issued.number}`);
    expect(await check(pdf, at(800))).toMatchObject({ valid: true, register: { matches: true, licence: { number: next.number, previous: { number: issued.number } } } });
  }, 120_000);
});

describe("deemed issued (tacit approval)", () => {
  it("the PDF says so and carries no signature; a later signature is a new revision (incremental update)", async () => {
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(1000) });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    const late = new Date(row.dueAt!.getTime() + 60_000);
    await executeCommand(t.db, { actor: systemActor("test"), applicationId: app.id, command: { type: "deadline_passed", deadline: "overall" }, now: late });
    const licence = await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(licence.tacit).toBe(true);
    const rev1 = (await getLicencePdfFile(t.db, applicant, licence.id)).pdf;
    const p1 = file("deemed.pdf", rev1);
    expect(run("pdfsig", [p1]).out).toMatch(/does not contain any signatures/);
    expect(run("qpdf", ["--check", p1]).status).toBe(0);
    expect(run("pdftotext", ["-layout", p1, "-"]).out).toContain("считается выданной");
    expect(await check(rev1, late)).toMatchObject({ valid: false, signatures: [], register: { matches: true, revision: 1, latestRevision: true, licence: { tacit: true } } });

    const when = new Date(late.getTime() + 3_600_000);
    const opened = openPkcs12(eds.pkcs12, PASSWORD);
    const prepared = await prepareDeemedSignature(t.db, { actor: head, now: when }, { licenceId: licence.id, certificateBase64: Buffer.from(opened.certificateDer).toString("base64") });
    const cms = signWith(eds.pkcs12, signedBytes(prepared.pdf, prepared.byteRange), when);
    const done = await signDeemedLicence(t.db, { actor: head, now: when }, { licenceId: licence.id, preparationId: prepared.preparationId, cmsBase64: Buffer.from(cms).toString("base64") });
    expect(done.revision).toBe(2);
    const rev2 = (await getLicencePdfFile(t.db, applicant, licence.id)).pdf;
    expect(Buffer.from(rev2.subarray(0, rev1.length)).equals(Buffer.from(rev1))).toBe(true); // revision 1 unchanged inside
    const p2 = file("deemed-signed.pdf", rev2);
    const sig = run("pdfsig", ["-nocert", p2]);
    expect(sig.out.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(sig.out).toContain("Signature Validation: Signature is Valid.");
    expect(run("qpdf", ["--check", p2]).status).toBe(0);
    expect(opensslVerifyPdf(rev2, "deemed", when).status).toBe(0);
    expect(await check(rev2, when)).toMatchObject({ valid: true, register: { matches: true, revision: 2, licence: { tacit: true } } });
    expect(await check(rev1, when)).toMatchObject({ register: { matches: true, revision: 1, latestRevision: false } });
    // Only once.
    await expect(prepareDeemedSignature(t.db, { actor: head, now: when }, { licenceId: licence.id, certificateBase64: Buffer.from(opened.certificateDer).toString("base64") })).rejects.toThrow("licences.not_deemed_unsigned");
  }, 120_000);
});

describe("PAdES B-T: with TSA_URL the licence signature carries a time-stamp", () => {
  const saved = { db: process.env.DATABASE_URL, tsa: process.env.TSA_URL };
  let server: Awaited<ReturnType<typeof startTsaServer>>;
  beforeAll(async () => {
    // The sandbox TSA route over real HTTP, as a deployment would reach any TSA.
    process.env.DATABASE_URL = t.url;
    server = await startTsaServer();
    process.env.TSA_URL = server.url;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server.close();
    const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
    await g.__db?.$disconnect();
    delete g.__db;
    process.env.DATABASE_URL = saved.db;
    if (saved.tsa === undefined) delete process.env.TSA_URL;
    else process.env.TSA_URL = saved.tsa;
  });

  it("the embedded CMS has an RFC 3161 token over its signature value that openssl ts -verify accepts; pdfsig still says valid; the check shows the time-stamp", async () => {
    // The route stamps with its own clock: let it read the test's time.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at(1500 + 60));
    const { app, signed, when } = await signedLicence({ start: 1500 });
    vi.useRealTimers();
    const licence = await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } });
    const { pdf } = await getLicencePdfFile(t.db, applicant, licence.id);
    const p = file("licence-bt.pdf", pdf);
    const sig = run("pdfsig", ["-nocert", p]);
    expect(sig.out).toContain("Signature Validation: Signature is Valid.");
    expect(sig.out).toContain("Total document signed");
    expect(opensslVerifyPdf(pdf, "licence-bt", when)).toMatchObject({ status: 0 });
    expect(run("qpdf", ["--check", p]).status).toBe(0);

    const cms = decodeCms(extractPdfSignatures(pdf).at(-1)!.cms!);
    if (!cms.ok) throw new Error(cms.reason);
    expect(cms.cms.timeStampTokens).toHaveLength(1);
    const token = file("licence-bt.tst", cms.cms.timeStampTokens[0]!);
    const value = file("licence-bt.sigvalue", cms.cms.signature);
    const ts = run("openssl", ["ts", "-verify", "-data", value, "-in", token, "-token_in", "-CAfile", caFile]);
    expect(ts.out).toContain("Verification: OK");
    expect(run("openssl", ["ts", "-verify", "-data", file("other.sigvalue", "x"), "-in", token, "-token_in", "-CAfile", caFile]).status).not.toBe(0);

    const r = await check(pdf, at(2000));
    expect(r).toMatchObject({ valid: true, register: { matches: true } });
    expect(r.signatures[0]!.timestamp).toEqual({ time: when, authority: "УАҚЫТ БЕЛГІСІ ҚЫЗМЕТІ (TSA) SANDBOX" });
    expect(r.signatures[0]!.judgedAt).toEqual(when);

    // The decision package is built from the stamped decision CMS: openssl cms still verifies it.
    const pkg = await getSignedPackage(t.db, head, signed.signatureId);
    const pkgCms = decodeCms(pkg.der);
    expect(pkgCms.ok && pkgCms.cms.timeStampTokens).toHaveLength(1);
    expect(run("openssl", ["cms", "-verify", "-inform", "DER", "-in", file("decision-bt.p7s", pkg.der), "-CAfile", caFile, "-attime", String(Math.floor(when.getTime() / 1000)), "-out", "/dev/null"]).status).toBe(0);
  }, 120_000);

  it("a TSA that is down stops the signing with pki.timestamp_unavailable and records no signature", async () => {
    process.env.TSA_URL = "http://127.0.0.1:9/api/pki/tsa";
    try {
      const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(1700) });
      await driveToSigning(t.db, { applicationId: app.id, clerk, head, executor, subtypes: SUBTYPES, start: at(1700) });
      const when = at(1760);
      const { cmsBase64, document } = await eds.signLicence({ actor: head, now: when }, app.id, when);
      const expected = expectedOf(await t.db.application.findUniqueOrThrow({ where: { id: app.id } }));
      await expect(signDecision(t.db, { actor: head, now: when }, { applicationId: app.id, expected: expected as never, cmsBase64, document })).rejects.toThrow("pki.timestamp_unavailable");
      expect(await t.db.signature.count({ where: { applicationId: app.id, purpose: { in: ["DECISION", "DOCUMENT"] } } })).toBe(0);
    } finally {
      process.env.TSA_URL = server.url;
    }
  }, 120_000);
});
