import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/core";
import {
  type IssuedPair,
  OID,
  PKI_FAILURE,
  PKI_STATUS,
  RevocationSet,
  SANDBOX_TSA_POLICY,
  SandboxTsa,
  type TrustStore,
  type TspFetch,
  addSignatureTimeStamp,
  addUnsignedAttribute,
  decodeCms,
  encodeTimeStampRequest,
  openPkcs12,
  parseCrl,
  parseTimeStampRequest,
  parseTimeStampResponse,
  parseTstInfo,
  requestTimeStamp,
  signDetached,
  verifyDetached,
  verifyTimeStampToken,
} from "@/lib/trust/pki/server";
import { SIGNATURE_BYTES } from "@/lib/trust/pades";
import { NOW, PASSWORD, at, bin, iin, keyPool, legalEntity, sandbox } from "./fixtures";

const sha256 = (b: Uint8Array) => new Uint8Array(createHash("sha256").update(b).digest());
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

let trustStore: TrustStore;
let revocations: RevocationSet;
let tsa: SandboxTsa;
let head: IssuedPair;
let revokedHead: IssuedPair;
/** A "TSA" whose certificate is an ordinary signing certificate (no timeStamping EKU). */
let notATsa: SandboxTsa;

/** The route as a fetch: what the client posts goes to `tsa.respond`, optionally tampered with. */
function fetchVia(t: SandboxTsa, now: Date, tamper: (req: Uint8Array) => Uint8Array = (r) => r): TspFetch {
  return async (_url, init) => new Response(new Uint8Array(t.respond(tamper(init.body), now)), { headers: { "Content-Type": "application/timestamp-reply" } });
}

beforeAll(async () => {
  const ours = await sandbox(keyPool(6));
  trustStore = ours.trustStore;
  const ca = ours.ca;
  tsa = new SandboxTsa(await ca.timeStampAuthority());
  head = await ca.issuePair(legalEntity(2, "first_head"));
  revokedHead = await ca.issuePair(legalEntity(3, "first_head"));
  await ca.revoke(revokedHead.signing.serial, "key_compromise", at(1));
  revocations = RevocationSet.fromCrls([parseCrl(await ca.getCrl(at(2)), trustStore, at(2))]);
  const o = openPkcs12(head.signing.pkcs12, PASSWORD);
  const forgePem = await import("node-forge").then((f) => ({
    certificatePem: f.default.pki.certificateToPem(o.certificate),
    privateKeyPem: f.default.pki.privateKeyToPem(o.key),
    chainPem: o.chain.map((c) => f.default.pki.certificateToPem(c)),
  }));
  notATsa = new SandboxTsa(forgePem);
}, 60_000);

describe("RFC 3161 messages", () => {
  it("TimeStampReq v1: SHA-256 imprint with NULL parameters, nonce as a positive INTEGER, certReq TRUE", () => {
    const hash = sha256(bytes("signature value"));
    const der = encodeTimeStampRequest({ hashOid: OID.sha256, hash, nonce: "80ff", certReq: true });
    // SEQUENCE { INTEGER 1, SEQUENCE { SEQUENCE { sha256, NULL }, OCTET STRING(32) }, INTEGER 0x0080ff, BOOLEAN TRUE }
    expect(hex(der)).toBe(`303e0201013031300d060960864801650304020105000420${hex(hash)}02030080ff0101ff`);
    const parsed = parseTimeStampRequest(der);
    expect(parsed).toMatchObject({ nonce: "80ff", certReq: true, policy: null, hasExtensions: false });
    expect(parsed.imprint.hashOid).toBe(OID.sha256);
    expect(hex(parsed.imprint.hash)).toBe(hex(hash));
  });

  it("the sandbox TSA grants a token whose TSTInfo echoes the imprint and nonce", () => {
    const hash = sha256(bytes("x"));
    const resp = parseTimeStampResponse(tsa.respond(encodeTimeStampRequest({ hashOid: OID.sha256, hash, nonce: "1234", certReq: true }), NOW));
    expect(resp.status).toBe(PKI_STATUS.granted);
    const token = decodeCms(resp.token!, OID.tstInfo);
    expect(token.ok).toBe(true);
    if (!token.ok) return;
    expect(token.cms.certificates).toHaveLength(2); // TSA and issuing CA
    expect(token.cms.signingCertificate).not.toBeNull(); // ESS signing-certificate-v2
    const info = parseTstInfo(token.cms.eContent!);
    expect(info).toMatchObject({ policy: SANDBOX_TSA_POLICY, nonce: "1234", genTime: NOW, accuracy: { seconds: 1, millis: 0, micros: 0 } });
    expect(hex(info.imprint.hash)).toBe(hex(hash));
    expect(info.tsaName).toContain("(TSA) SANDBOX");
    // Without certReq the token carries no certificates (RFC 3161 2.4.1).
    const bare = parseTimeStampResponse(tsa.respond(encodeTimeStampRequest({ hashOid: OID.sha256, hash }), NOW));
    const bareToken = decodeCms(bare.token!, OID.tstInfo);
    expect(bareToken.ok && bareToken.cms.certificates).toEqual([]);
  });

  it("the sandbox TSA rejects what it cannot stamp, with the RFC's failInfo", () => {
    const garbage = parseTimeStampResponse(tsa.respond(bytes("not asn.1"), NOW));
    expect(garbage).toMatchObject({ status: PKI_STATUS.rejection, failInfo: [PKI_FAILURE.badDataFormat], token: null });
    const sha1 = parseTimeStampResponse(tsa.respond(encodeTimeStampRequest({ hashOid: "1.3.14.3.2.26", hash: new Uint8Array(20) }), NOW));
    expect(sha1).toMatchObject({ status: PKI_STATUS.rejection, failInfo: [PKI_FAILURE.badAlg] });
    const short = parseTimeStampResponse(tsa.respond(encodeTimeStampRequest({ hashOid: OID.sha256, hash: new Uint8Array(20) }), NOW));
    expect(short.failInfo).toEqual([PKI_FAILURE.badDataFormat]);
    const policy = parseTimeStampResponse(tsa.respond(encodeTimeStampRequest({ hashOid: OID.sha256, hash: new Uint8Array(32), policy: "1.2.3.4" }), NOW));
    expect(policy.failInfo).toEqual([PKI_FAILURE.unacceptedPolicy]);
  });
});

describe("time-stamp client and token checks", () => {
  const data = bytes("the signature value");
  const options = (fetch: TspFetch) => ({ url: "http://tsa.test/api/pki/tsa", trustStore, revocations, fetch });

  it("requestTimeStamp: a verified token over the data, nonce checked", async () => {
    const stamp = await requestTimeStamp(data, NOW, options(fetchVia(tsa, NOW)));
    expect(stamp.summary.time).toEqual(NOW);
    expect(stamp.summary.tsa).toContain("(TSA) SANDBOX");
    expect(stamp.summary.policy).toBe(SANDBOX_TSA_POLICY);
  });

  it("nonce mismatch: a replayed or foreign response is refused", async () => {
    const other = encodeTimeStampRequest({ hashOid: OID.sha256, hash: sha256(data), nonce: "0badc0de", certReq: true });
    const err = await requestTimeStamp(data, NOW, options(fetchVia(tsa, NOW, () => other))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("pki.timestamp_unavailable");
    expect((err as DomainError).details).toMatchObject({ reason: "token_nonce_mismatch" });
  });

  it("wrong imprint: a token over other data is refused", async () => {
    const swap = (req: Uint8Array) => {
      const r = parseTimeStampRequest(req);
      return encodeTimeStampRequest({ hashOid: OID.sha256, hash: sha256(bytes("other")), nonce: r.nonce!, certReq: true });
    };
    const err = (await requestTimeStamp(data, NOW, options(fetchVia(tsa, NOW, swap))).catch((e: unknown) => e)) as DomainError;
    expect(err.details).toMatchObject({ reason: "token_imprint_mismatch" });
  });

  it("missing timeStamping EKU: a token signed with an ordinary signing certificate is refused", async () => {
    const err = (await requestTimeStamp(data, NOW, options(fetchVia(notATsa, NOW))).catch((e: unknown) => e)) as DomainError;
    expect(err.code).toBe("pki.timestamp_unavailable");
    expect(err.details).toMatchObject({ reason: "token_not_time_stamping_certificate" });
  });

  it("a rejection is not a token; a tampered token does not verify", async () => {
    const err = (await requestTimeStamp(data, NOW, options(fetchVia(tsa, NOW, () => bytes("junk")))).catch((e: unknown) => e)) as DomainError;
    expect(err.details).toMatchObject({ reason: "not_granted", status: PKI_STATUS.rejection });
    const stamp = await requestTimeStamp(data, NOW, options(fetchVia(tsa, NOW)));
    const tampered = stamp.token.slice();
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 0x01; // inside the RSA signature value
    expect(verifyTimeStampToken({ token: tampered, stampedData: data, trustStore, revocations, now: NOW })).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("signature time-stamp in a CMS (B-T)", () => {
  const content = bytes("licence byte ranges");
  const signWith = (p: IssuedPair, t: Date) => signDetached({ ...openPkcs12(p.signing.pkcs12, PASSWORD), content, signingTime: t });

  it("the token goes into the unsigned attributes; the signature still verifies and shows the time-stamp", async () => {
    const cms = signWith(head, NOW);
    const stamped = await addSignatureTimeStamp(cms, NOW, { url: "x", trustStore, revocations, fetch: fetchVia(tsa, NOW) });
    const decoded = decodeCms(stamped.cms);
    expect(decoded.ok && decoded.cms.timeStampTokens).toHaveLength(1);
    // The PAdES /Contents room holds the stamped CMS with room to spare for a longer real TSA chain.
    expect(stamped.cms.length).toBeLessThan(SIGNATURE_BYTES / 2);
    const r = await verifyDetached({ cms: stamped.cms, content, trustStore, revocations, now: at(2), expected: { bin: bin(1), iin: iin(2) }, recordedSigningTime: at(1) });
    expect(r.status).toBe("valid");
    expect(r.timestamp?.time).toEqual(NOW);
    expect(r.judgedAt).toEqual(NOW);
  });

  it("revocation is judged at the time-stamp: revoked after the token, the signature stays valid", async () => {
    // Revoked at day 1; the portal recorded the signature at day 1.5 (after the revocation).
    const cms = signWith(revokedHead, NOW);
    const plain = await verifyDetached({ cms, content, trustStore, revocations, now: at(2), recordedSigningTime: at(1.5) });
    expect(plain.status).toBe("revoked");
    const stamped = await addSignatureTimeStamp(cms, NOW, { url: "x", trustStore, revocations, fetch: fetchVia(tsa, NOW) });
    const r = await verifyDetached({ cms: stamped.cms, content, trustStore, revocations, now: at(2), recordedSigningTime: at(1.5) });
    expect(r.status).toBe("valid");
    expect(r.judgedAt).toEqual(NOW);
    expect(r.revokedAt).toEqual(at(1));
  });

  it("a token over another signature makes the signature malformed", async () => {
    const cms = signWith(head, NOW);
    const foreign = await requestTimeStamp(bytes("another signature"), NOW, { url: "x", trustStore, revocations, fetch: fetchVia(tsa, NOW) });
    const bad = addUnsignedAttribute(cms, OID.signatureTimeStampToken, foreign.token);
    const r = await verifyDetached({ cms: bad, content, trustStore, revocations, now: at(2), recordedSigningTime: NOW });
    expect(r).toMatchObject({ status: "malformed", reason: "timestamp_imprint_mismatch" });
  });
});
