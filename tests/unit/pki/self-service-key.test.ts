import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type RsaKeyPair,
  ZKeyStorePasswordInput,
  assertSigningKey,
  buildKeyStore,
  createCertificationRequest,
  generateRsaKeyPairInPlace,
  openPkcs12,
} from "@/lib/trust/pki";
import { readCertificationRequest } from "@/lib/trust/pki/server";
import { NOW, at, bin, iin, keyPool, sandbox } from "./fixtures";

const keys = keyPool(3);
let holderKeys: RsaKeyPair;

beforeAll(async () => {
  holderKeys = await generateRsaKeyPairInPlace();
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe("key store password (self-service)", () => {
  it("accepts a password of 8+ characters typed twice the same", () => {
    expect(ZKeyStorePasswordInput.safeParse({ password: "Sandbox-2026", confirm: "Sandbox-2026" }).success).toBe(true);
  });

  it("refuses a short password and a confirmation that differs, with i18n codes on the fields", () => {
    const short = ZKeyStorePasswordInput.safeParse({ password: "short", confirm: "short" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({ path: ["password"], message: "pki.password_too_short" });
    const mismatch = ZKeyStorePasswordInput.safeParse({ password: "Sandbox-2026", confirm: "Sandbox-2027" });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirm"], message: "pki.password_mismatch" });
    expect(ZKeyStorePasswordInput.safeParse({ password: "x".repeat(129), confirm: "x".repeat(129) }).error?.issues[0]?.message).toBe("pki.password_too_long");
  });
});

describe("CSR", () => {
  it("carries the generated key and its proof of possession", () => {
    const checked = readCertificationRequest(createCertificationRequest(holderKeys));
    expect(checked.modulusBits).toBe(2048);
    expect(forge.pki.publicKeyFromPem(checked.publicKeyPem).n.equals(holderKeys.publicKey.n)).toBe(true);
  });

  it("refuses a CSR whose signature does not match its key, garbage, and a key shorter than 2048 bits", async () => {
    const other = await generateRsaKeyPairInPlace();
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = holderKeys.publicKey;
    csr.setSubject([{ name: "commonName", value: "x" }]);
    csr.sign(other.privateKey, forge.md.sha256.create()); // signed with another key
    expect(codeOf(() => readCertificationRequest(forge.pki.certificationRequestToPem(csr)))).toBe("pki.invalid_csr");
    expect(codeOf(() => readCertificationRequest("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----"))).toBe("pki.invalid_csr");

    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const small = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
    const weak = createCertificationRequest({ privateKey: small, publicKey: forge.pki.setRsaPublicKey(small.n, small.e) });
    expect(codeOf(() => readCertificationRequest(weak))).toBe("pki.invalid_csr");
  });
});

describe("SandboxCa.issueForKey + buildKeyStore", () => {
  it("issues a signing certificate for the holder's key; the browser-built PKCS#12 opens and signs", async () => {
    const { ca } = await sandbox(keys);
    const { publicKeyPem } = readCertificationRequest(createCertificationRequest(holderKeys));
    const holder = { kind: "legal_entity" as const, role: "first_head" as const, iin: iin(7), bin: bin(7), organisation: "ТОО «Сынық»", surname: "ҒАБДУЛЛИН", givenName: "ЕРБОЛАТ", notBefore: at(-1), notAfter: at(364) };
    const issued = await ca.issueForKey(holder, publicKeyPem, "signing");
    const anchors = await ca.trustAnchors();
    const p12 = buildKeyStore({ privateKey: holderKeys.privateKey, certificatePem: issued.certificatePem, chainPem: [...anchors.intermediates, ...anchors.anchors], password: "Sandbox-2026", friendlyName: "test" });
    const opened = openPkcs12(p12, "Sandbox-2026");
    assertSigningKey(opened.info);
    expect(opened.info).toMatchObject({ iin: iin(7), bin: bin(7), purpose: "signing", subjectRole: "first_head" });
    expect(opened.chain).toHaveLength(2);
    expect(issued.notBefore).toEqual(at(-1));
    expect(NOW < issued.notAfter).toBe(true);
  });

  it("refuses to wrap with a short password or with a key that is not the certificate's", async () => {
    const { ca } = await sandbox(keys);
    const { publicKeyPem } = readCertificationRequest(createCertificationRequest(holderKeys));
    const issued = await ca.issueForKey({ kind: "individual", iin: iin(8), surname: "ЖЕКЕ", givenName: "ТҰЛҒА", notBefore: at(-1), notAfter: at(364) }, publicKeyPem, "signing");
    const base = { certificatePem: issued.certificatePem, chainPem: [], friendlyName: "t" };
    expect(codeOf(() => buildKeyStore({ ...base, privateKey: holderKeys.privateKey, password: "1234567" }))).toBe("pki.password_too_short");
    const other = await generateRsaKeyPairInPlace();
    expect(codeOf(() => buildKeyStore({ ...base, privateKey: other.privateKey, password: "Sandbox-2026" }))).toBe("pki.key_mismatch");
  });

  it("refuses an invalid holder (legal entity without BIN) before issuing anything", async () => {
    const { ca } = await sandbox(keys);
    const { publicKeyPem } = readCertificationRequest(createCertificationRequest(holderKeys));
    await expect(ca.issueForKey({ kind: "legal_entity", iin: iin(9), surname: "А", givenName: "Б", notBefore: at(-1), notAfter: at(10) }, publicKeyPem, "signing")).rejects.toMatchObject({ code: "pki.invalid_issue_request" });
  });
});
