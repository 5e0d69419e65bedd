import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/core";
import {
  type IssuedPair,
  type OpenedPkcs12,
  RevocationSet,
  type TrustStore,
  canonicalRequestBytes,
  openPkcs12,
  parseCrl,
  signDetached,
  verifyAuthChallenge,
  verifyDetached,
  verifyRequestSignature,
} from "@/lib/trust/pki/server";
import { NOW, PASSWORD, at, bin, iin, individual, keyPool, legalEntity, sandbox } from "./fixtures";

const request = (applicant: { iin?: string; bin?: string }, sha256 = "a".repeat(64)) => ({
  applicationId: "APP-2026-000123",
  serviceCode: "LIC-ALCOHOL-RETAIL",
  variant: "initial",
  applicant,
  formData: {
    shopName: "Дүкен «Береке»",
    area: 42.5,
    address: { city: "Астана", street: "Абай даңғылы 10" },
  },
  attachments: [{ slot: "lease", sha256 }],
});

let trustStore: TrustStore;
let revocations: RevocationSet;
const opened = new Map<Uint8Array, OpenedPkcs12>();
let person: IssuedPair;
let head: IssuedPair;
let signer: IssuedPair;
let employee: IssuedPair;
let expired: IssuedPair;
let future: IssuedPair;
let revokedPerson: IssuedPair;
let foreignSameName: IssuedPair;
let foreignOtherName: IssuedPair;
let crlAt20: Uint8Array;
let crlAt400: Uint8Array;

function sign(p12: Uint8Array, content: Uint8Array, signingTime: Date): Uint8Array {
  let o = opened.get(p12);
  if (!o) {
    o = openPkcs12(p12, PASSWORD);
    opened.set(p12, o);
  }
  return signDetached({ ...o, content, signingTime });
}

function verify(
  cms: Uint8Array,
  content: Uint8Array,
  expected: { iin?: string; bin?: string; requireSignerRole?: boolean },
  extra: { now?: Date; recordedSigningTime?: Date } = {},
) {
  return verifyRequestSignature({
    cms,
    content,
    expected,
    trustStore,
    revocations,
    now: extra.now ?? NOW,
    recordedSigningTime: extra.recordedSigningTime,
  });
}

beforeAll(async () => {
  const ours = await sandbox(keyPool(5));
  trustStore = ours.trustStore;
  const ca = ours.ca;
  person = await ca.issuePair(individual(1));
  head = await ca.issuePair(legalEntity(2, "first_head"));
  signer = await ca.issuePair(legalEntity(3, "signer"));
  employee = await ca.issuePair(legalEntity(4, "employee"));
  expired = await ca.issuePair(individual(5, { notBefore: at(-400), notAfter: at(-35) }));
  future = await ca.issuePair(individual(6, { notBefore: at(10), notAfter: at(400) }));
  revokedPerson = await ca.issuePair(individual(7));
  await ca.revoke(revokedPerson.signing.serial, "key_compromise", at(-5));
  revocations = RevocationSet.fromCrls([parseCrl(await ca.getCrl(NOW), trustStore, NOW)]);
  crlAt20 = await ca.getCrl(at(20));
  crlAt400 = await ca.getCrl(at(400));

  // Another CA with the very same names (only the signatures tell them apart), and one with other names.
  const otherKeys = keyPool(3);
  foreignSameName = await (await sandbox(otherKeys)).ca.issuePair(individual(1));
  foreignOtherName = await (
    await sandbox(otherKeys, { root: "OTHER ROOT", issuing: "OTHER CA" })
  ).ca.issuePair(individual(1));
}, 60_000);

describe("verifyRequestSignature: one test per status", () => {
  it("valid: individual signing key, IIN matches", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const r = await verify(sign(person.signing.pkcs12, content, NOW), content, {
      iin: iin(1),
    });
    expect(r.status).toBe("valid");
    expect(r.signer?.iin).toBe(iin(1));
    expect(r.signer?.purpose).toBe("signing");
    expect(r.judgedAt).toEqual(NOW);
    expect(r.chain).toHaveLength(3);
  });

  it("valid: legal entity signer with signing right, BIN matches", async () => {
    const content = canonicalRequestBytes(request({ bin: bin(1) }));
    const r = await verify(sign(signer.signing.pkcs12, content, NOW), content, {
      bin: bin(1),
    });
    expect(r.status).toBe("valid");
    expect(r.signer?.subjectRole).toBe("signer");
  });

  it("expired", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(5) }));
    const r = await verify(sign(expired.signing.pkcs12, content, NOW), content, { iin: iin(5) });
    expect(r.status).toBe("expired");
  });

  it("not_yet_valid", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(6) }));
    const r = await verify(sign(future.signing.pkcs12, content, NOW), content, {
      iin: iin(6),
    });
    expect(r.status).toBe("not_yet_valid");
  });

  it("revoked: revocation at or before the signing time", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(7) }));
    const r = await verify(
      sign(revokedPerson.signing.pkcs12, content, at(-1)),
      content,
      { iin: iin(7) },
      { recordedSigningTime: at(-1) },
    );
    expect(r.status).toBe("revoked");
    expect(r.reason).toBe("key_compromise");
  });

  it("revoked after the signing time: still valid, revocation reported", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(7) }));
    const r = await verify(
      sign(revokedPerson.signing.pkcs12, content, at(-10)),
      content,
      { iin: iin(7) },
      { recordedSigningTime: at(-10) },
    );
    expect(r.status).toBe("valid");
    expect(r.revokedAt).toEqual(at(-5));
  });

  it("revoked: a back-dated signingTime claim does not help when the reception time is recorded", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(7) }));
    const r = await verify(
      sign(revokedPerson.signing.pkcs12, content, at(-10)),
      content,
      { iin: iin(7) },
      { recordedSigningTime: NOW },
    );
    expect(r.status).toBe("revoked");
  });

  it("untrusted_chain: certificate from another CA with the same names", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const r = await verify(sign(foreignSameName.signing.pkcs12, content, NOW), content, { iin: iin(1) });
    expect(r.status).toBe("untrusted_chain");
    expect(r.reason).toBe("bad_ca_signature");
  });

  it("untrusted_chain: certificate from an unknown CA", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const r = await verify(sign(foreignOtherName.signing.pkcs12, content, NOW), content, { iin: iin(1) });
    expect(r.status).toBe("untrusted_chain");
    expect(r.reason).toBe("issuer_not_found");
  });

  it("wrong_key_usage: the login (authentication) key used to sign a request", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const r = await verify(sign(person.authentication.pkcs12, content, NOW), content, { iin: iin(1) });
    expect(r.status).toBe("wrong_key_usage");
    expect(r.reason).toBe("authentication");
  });

  it("subject_mismatch: wrong IIN", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(99) }));
    const r = await verify(sign(person.signing.pkcs12, content, NOW), content, {
      iin: iin(99),
    });
    expect(r.status).toBe("subject_mismatch");
    expect(r.reason).toBe("iin");
  });

  it("subject_mismatch: wrong BIN", async () => {
    const content = canonicalRequestBytes(request({ bin: bin(2) }));
    const r = await verify(sign(signer.signing.pkcs12, content, NOW), content, {
      bin: bin(2),
    });
    expect(r.status).toBe("subject_mismatch");
    expect(r.reason).toBe("bin");
  });

  it("subject_mismatch: a legal-entity certificate for an individual's request", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(3) }));
    const r = await verify(sign(signer.signing.pkcs12, content, NOW), content, {
      iin: iin(3),
    });
    expect(r.status).toBe("subject_mismatch");
    expect(r.reason).toBe("legal_entity_certificate");
  });

  it("role_not_allowed: employee without signing right", async () => {
    const content = canonicalRequestBytes(request({ bin: bin(1) }));
    const cms = sign(employee.signing.pkcs12, content, NOW);
    const r = await verify(cms, content, { bin: bin(1) });
    expect(r.status).toBe("role_not_allowed");
    expect(r.reason).toBe("employee");
    expect((await verify(cms, content, { bin: bin(1), requireSignerRole: false })).status).toBe("valid");
  });

  it("content_mismatch: tampered form data", async () => {
    const signed = canonicalRequestBytes(request({ iin: iin(1) }));
    const tampered = canonicalRequestBytes({
      ...request({ iin: iin(1) }),
      formData: { shopName: "Другой", area: 42.5 },
    });
    const r = await verify(sign(person.signing.pkcs12, signed, NOW), tampered, {
      iin: iin(1),
    });
    expect(r.status).toBe("content_mismatch");
  });

  it("content_mismatch: tampered attachment hash inside the canonical request", async () => {
    const signed = canonicalRequestBytes(request({ iin: iin(1) }, "a".repeat(64)));
    const swapped = canonicalRequestBytes(request({ iin: iin(1) }, "b".repeat(64)));
    const r = await verify(sign(person.signing.pkcs12, signed, NOW), swapped, {
      iin: iin(1),
    });
    expect(r.status).toBe("content_mismatch");
  });

  it("bad_signature: signature value altered", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const cms = sign(person.signing.pkcs12, content, NOW).slice();
    cms[cms.length - 1]! ^= 0x01; // the signature is the last element of the SignerInfo
    const r = await verify(cms, content, { iin: iin(1) });
    expect(r.status).toBe("bad_signature");
  });

  it("valid: BER (indefinite-length) CMS is decoded through pkijs", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const der = sign(person.signing.pkcs12, content, NOW);
    expect(der[1]).toBe(0x82); // 30 82 LL LL: rewrite the outer length as indefinite
    const ber = new Uint8Array([0x30, 0x80, ...der.subarray(4), 0x00, 0x00]);
    expect((await verify(ber, content, { iin: iin(1) })).status).toBe("valid");
  });

  it("malformed: truncated CMS", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const cms = sign(person.signing.pkcs12, content, NOW);
    const r = await verify(cms.slice(0, cms.length - 40), content, {
      iin: iin(1),
    });
    expect(r.status).toBe("malformed");
  });

  it("malformed: trailing bytes after the CMS", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const cms = sign(person.signing.pkcs12, content, NOW);
    const r = await verify(new Uint8Array([...cms, 0x00, 0x00]), content, { iin: iin(1) });
    expect(r).toMatchObject({ status: "malformed", reason: "trailing_data" });
  });

  it("malformed: not CMS at all, and a certificate instead of a CMS", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    expect((await verify(new Uint8Array([1, 2, 3]), content, { iin: iin(1) })).status).toBe("malformed");
    const certDer = opened.get(person.signing.pkcs12)!.certificateDer;
    expect((await verify(certDer, content, { iin: iin(1) })).status).toBe("malformed");
  });

  it("malformed: signingTime claimed in the future of now", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const r = await verify(sign(person.signing.pkcs12, content, at(1)), content, { iin: iin(1) });
    expect(r).toMatchObject({
      status: "malformed",
      reason: "signing_time_in_future",
    });
  });
});

describe("signing-time semantics", () => {
  it("a licence signed while the certificate was valid still verifies after it expired", async () => {
    const later = at(400); // signer certificate expired at(335)
    const laterRevocations = RevocationSet.fromCrls([parseCrl(crlAt400, trustStore, later)]);
    const content = canonicalRequestBytes(request({ bin: bin(1) }));
    const cms = sign(head.signing.pkcs12, content, at(-10));
    const common = {
      cms,
      content,
      trustStore,
      revocations: laterRevocations,
      now: later,
    };
    expect(
      (
        await verifyDetached({
          ...common,
          recordedSigningTime: at(-10),
          expected: { bin: bin(1) },
        })
      ).status,
    ).toBe("valid");
    // Without a recorded time the signingTime attribute is used.
    expect((await verifyDetached(common)).status).toBe("valid");
    // Judged at "now" (as sign-in does) the same certificate is expired.
    expect((await verifyDetached({ ...common, policy: { judgeAt: "now" } })).status).toBe("expired");
  });

  it("the recorded time wins over the claimed signingTime", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(6) }));
    // Claimed NOW (future cert not yet valid) but recorded at(20), when the cert is valid.
    const cms = sign(future.signing.pkcs12, content, NOW);
    const r = await verifyRequestSignature({
      cms,
      content,
      expected: { iin: iin(6) },
      trustStore,
      revocations: RevocationSet.fromCrls([parseCrl(crlAt20, trustStore, at(20))]),
      now: at(20),
      recordedSigningTime: at(20),
    });
    expect(r.status).toBe("valid");
    expect(r.signingTime).toEqual(NOW);
    expect(r.judgedAt).toEqual(at(20));
  });
});

describe("officer signatures (verifyDetached)", () => {
  const content = new TextEncoder().encode("licence KZ-2026-0001");

  it("first head and signer are accepted; employee and individuals are not", async () => {
    const v = (p12: Uint8Array) =>
      verifyDetached({
        cms: sign(p12, content, NOW),
        content,
        trustStore,
        revocations,
        now: NOW,
        expected: { bin: bin(1) },
      });
    expect((await v(head.signing.pkcs12)).status).toBe("valid");
    expect((await v(signer.signing.pkcs12)).status).toBe("valid");
    expect(await v(employee.signing.pkcs12)).toMatchObject({
      status: "role_not_allowed",
      reason: "employee",
    });
    const ind = await verifyDetached({
      cms: sign(person.signing.pkcs12, content, NOW),
      content,
      trustStore,
      revocations,
      now: NOW,
    });
    expect(ind).toMatchObject({
      status: "role_not_allowed",
      reason: "not_legal_entity",
    });
  });
});

describe("verifyAuthChallenge (EDS sign-in)", () => {
  const challenge = "login:9f1c2e4a-2026-03-01T10:00:00Z";

  it("accepts the authentication key and returns the identity from the certificate", async () => {
    const cms = sign(signer.authentication.pkcs12, new TextEncoder().encode(challenge), NOW);
    const r = await verifyAuthChallenge({
      cms,
      challenge,
      trustStore,
      revocations,
      now: NOW,
    });
    expect(r).toMatchObject({
      status: "valid",
      iin: iin(3),
      bin: bin(1),
      subjectRole: "signer",
    });
  });

  it("refuses the signing key for login", async () => {
    const cms = sign(person.signing.pkcs12, new TextEncoder().encode(challenge), NOW);
    const r = await verifyAuthChallenge({
      cms,
      challenge,
      trustStore,
      revocations,
      now: NOW,
    });
    expect(r).toMatchObject({ status: "wrong_key_usage", iin: null });
  });

  it("refuses a signature over another challenge", async () => {
    const cms = sign(person.authentication.pkcs12, new TextEncoder().encode("other"), NOW);
    expect(
      (
        await verifyAuthChallenge({
          cms,
          challenge,
          trustStore,
          revocations,
          now: NOW,
        })
      ).status,
    ).toBe("content_mismatch");
  });
});

describe("errors that are not verdicts", () => {
  it("unknown revocation status throws pki.revocation_unavailable (no CRL, stale CRL)", async () => {
    const content = canonicalRequestBytes(request({ iin: iin(1) }));
    const cms = sign(person.signing.pkcs12, content, NOW);
    const base = { cms, content, expected: { iin: iin(1) }, trustStore };
    await expect(
      verifyRequestSignature({
        ...base,
        revocations: RevocationSet.fromCrls([]),
        now: NOW,
      }),
    ).rejects.toMatchObject({
      code: "pki.revocation_unavailable",
      details: { reason: "no_crl" },
    });
    await expect(
      verifyRequestSignature({
        ...base,
        revocations,
        now: at(2),
        recordedSigningTime: NOW,
      }),
    ).rejects.toMatchObject({
      code: "pki.revocation_unavailable",
      details: { reason: "crl_expired" },
    });
  });

  it("oversized CMS throws pki.input_too_large", async () => {
    const content = new Uint8Array(1);
    await expect(verify(new Uint8Array(1024 * 1024 + 1), content, { iin: iin(1) })).rejects.toBeInstanceOf(DomainError);
    await expect(verify(new Uint8Array(1024 * 1024 + 1), content, { iin: iin(1) })).rejects.toMatchObject({
      code: "pki.input_too_large",
    });
  });
});
