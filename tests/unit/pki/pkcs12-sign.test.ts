import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/platform/core";
import {
  type IssuedPair,
  MemoryCaStore,
  RevocationSet,
  SandboxCa,
  type TrustStore,
  assertAuthenticationKey,
  assertSigningKey,
  openPkcs12,
  parseCrl,
  signDetached,
  verifyDetached,
} from "@/lib/trust/pki/server";
import { NOW, PASSWORD, individual, keyPool, legalEntity, sandbox } from "./fixtures";

let person: IssuedPair;
let officer: IssuedPair;
let aesPair: IssuedPair;
let trustStore: TrustStore;
let revocations: RevocationSet;

const toBytes = (binary: string) => Uint8Array.from(binary, (c) => c.charCodeAt(0));

beforeAll(async () => {
  const keys = keyPool(4);
  const { ca, trustStore: ts } = await sandbox(keys);
  trustStore = ts;
  person = await ca.issuePair(individual(1));
  officer = await ca.issuePair(legalEntity(2, "first_head"));
  revocations = RevocationSet.fromCrls([parseCrl(await ca.getCrl(NOW), trustStore, NOW)]);
  const aesCa = new SandboxCa({
    store: new MemoryCaStore(),
    clock: fixedClock(NOW),
    keyGenerator: keys,
    pkcs12Algorithm: "aes256",
  });
  aesPair = await aesCa.issuePair(individual(3));
}, 60_000);

describe("openPkcs12", () => {
  it("opens the key, the matching certificate and the chain (issuer first)", () => {
    const p = openPkcs12(person.signing.pkcs12, PASSWORD);
    expect(p.info.serial).toBe(person.signing.serial);
    expect(p.info.purpose).toBe("signing");
    expect(p.chain).toHaveLength(2);
    expect(p.chain[0]!.subject.hash).toBe(p.certificate.issuer.hash);
    expect(p.chain[1]!.isIssuer(p.chain[1]!)).toBe(true); // the root comes last
    expect((p.certificate.publicKey as forge.pki.rsa.PublicKey).n.equals(p.key.n)).toBe(true);
  });

  it("opens AES-256 (PBES2) key stores too", () => {
    expect(openPkcs12(aesPair.signing.pkcs12, PASSWORD).info.serial).toBe(aesPair.signing.serial);
  });

  it("wrong password → pki.wrong_password", () => {
    expect(() => openPkcs12(person.signing.pkcs12, "not-the-password")).toThrow(
      expect.objectContaining({ code: "pki.wrong_password" }),
    );
  });

  it("not a PKCS#12 → pki.not_pkcs12 (random bytes, truncated file, a certificate)", () => {
    const notP12 = expect.objectContaining({ code: "pki.not_pkcs12" });
    expect(() => openPkcs12(new Uint8Array([1, 2, 3, 4]), PASSWORD)).toThrow(notP12);
    expect(() => openPkcs12(person.signing.pkcs12.slice(0, 100), PASSWORD)).toThrow(notP12);
    const certDer = openPkcs12(person.signing.pkcs12, PASSWORD).certificateDer;
    expect(() => openPkcs12(certDer, PASSWORD)).toThrow(notP12);
    expect(() => openPkcs12(new Uint8Array(0), PASSWORD)).toThrow(notP12);
  });

  it("oversized input → pki.input_too_large", () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big[0] = 0x30;
    expect(() => openPkcs12(big, PASSWORD)).toThrow(expect.objectContaining({ code: "pki.input_too_large" }));
  });

  it("a key store with certificates only → pki.no_key; a key without its certificate → pki.no_certificate", () => {
    const p = openPkcs12(person.signing.pkcs12, PASSWORD);
    const other = openPkcs12(person.authentication.pkcs12, PASSWORD);
    const certsOnly = forge.pkcs12.toPkcs12Asn1(null, [p.certificate], PASSWORD, { algorithm: "3des" });
    expect(() => openPkcs12(toBytes(forge.asn1.toDer(certsOnly).getBytes()), PASSWORD)).toThrow(
      expect.objectContaining({ code: "pki.no_key" }),
    );
    const mismatched = forge.pkcs12.toPkcs12Asn1(p.key, [other.certificate], PASSWORD, { algorithm: "3des" });
    expect(() => openPkcs12(toBytes(forge.asn1.toDer(mismatched).getBytes()), PASSWORD)).toThrow(
      expect.objectContaining({ code: "pki.no_certificate" }),
    );
  });
});

describe("key purpose checks before signing", () => {
  it("assertSigningKey refuses the authentication key; assertAuthenticationKey the signing key", () => {
    const auth = openPkcs12(person.authentication.pkcs12, PASSWORD);
    const sign = openPkcs12(person.signing.pkcs12, PASSWORD);
    const wrong = expect.objectContaining({ code: "pki.wrong_key_usage" });
    expect(() => assertSigningKey(auth.info)).toThrow(wrong);
    expect(() => assertSigningKey(auth.certificate)).toThrow(wrong);
    expect(() => assertSigningKey(sign.info)).not.toThrow();
    expect(() => assertAuthenticationKey(sign.certificate)).toThrow(wrong);
    expect(() => assertAuthenticationKey(auth.info)).not.toThrow();
  });

  it("signDetached with purpose 'signing' refuses a login key before signing", () => {
    const auth = openPkcs12(person.authentication.pkcs12, PASSWORD);
    expect(() => signDetached({ ...auth, content: new Uint8Array([1]), signingTime: NOW, purpose: "signing" })).toThrow(
      expect.objectContaining({ code: "pki.wrong_key_usage" }),
    );
  });

  it("signDetached refuses a key that does not belong to the certificate", () => {
    // The two keys of one pair always differ.
    const a = openPkcs12(person.signing.pkcs12, PASSWORD);
    const b = openPkcs12(person.authentication.pkcs12, PASSWORD);
    expect(() =>
      signDetached({ key: a.key, certificate: b.certificate, content: new Uint8Array([1]), signingTime: NOW }),
    ).toThrow(expect.objectContaining({ code: "pki.key_mismatch" }));
  });
});

describe("signDetached", () => {
  it("produces a detached SHA-256 CMS with contentType, signingTime, messageDigest and the signer certificate", async () => {
    const p = openPkcs12(officer.signing.pkcs12, PASSWORD);
    const content = new TextEncoder().encode("Лицензия № KZ-2026-0001");
    const cms = signDetached({ ...p, content, signingTime: NOW });
    const hex = Buffer.from(cms).toString("hex");
    expect(hex).toContain("06092a864886f70d010903"); // contentType
    expect(hex).toContain("06092a864886f70d010904"); // messageDigest
    expect(hex).toContain("06092a864886f70d010905"); // signingTime
    expect(hex).toContain("0609608648016503040201"); // SHA-256
    expect(hex).not.toContain(Buffer.from(content).toString("hex")); // detached
    const r = await verifyDetached({ cms, content, trustStore, revocations, now: NOW });
    expect(r.status).toBe("valid");
    expect(r.signingTime).toEqual(NOW);
    expect(r.chain).toHaveLength(3);
  });

  it("is deterministic for the same key, content and time (PKCS#1 v1.5)", () => {
    const p = openPkcs12(person.signing.pkcs12, PASSWORD);
    const content = new Uint8Array([1, 2, 3]);
    expect(signDetached({ ...p, content, signingTime: NOW })).toEqual(
      signDetached({ ...p, content, signingTime: NOW }),
    );
  });
});
