import { beforeAll, describe, expect, it } from "vitest";
import {
  type IssuedPair,
  OID,
  POLICY_OID,
  ROLE_OID,
  type TrustAnchors,
  TrustStore,
  classifyPurpose,
  classifyRole,
  readCertificate,
} from "@/lib/trust/pki/server";
import { bin, iin, individual, keyPool, legalEntity, sandbox } from "./fixtures";

let person: IssuedPair;
let head: IssuedPair;
let signer: IssuedPair;
let employee: IssuedPair;
let anchors: TrustAnchors;

beforeAll(async () => {
  const { ca } = await sandbox(keyPool(4));
  person = await ca.issuePair(individual(1));
  head = await ca.issuePair(legalEntity(2, "first_head"));
  signer = await ca.issuePair(legalEntity(3, "signer"));
  employee = await ca.issuePair(legalEntity(4, "employee"));
  anchors = await ca.trustAnchors();
}, 60_000);

const pemToDer = (pem: string) =>
  Uint8Array.from(atob(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "")), (c) => c.charCodeAt(0));

describe("readCertificate", () => {
  it("reads identity from the subject and purpose/role from extensions (legal entity, first head)", () => {
    const c = readCertificate(head.signing.certificatePem);
    expect(c).toMatchObject({
      serial: head.signing.serial,
      iin: iin(2),
      bin: bin(1),
      organisation: "ГУ «Аппарат акима города Астаны»",
      commonName: "ОФИЦЕРОВА АЙГҮЛ",
      surname: "ОФИЦЕРОВА",
      purpose: "signing",
      subjectRole: "first_head",
      policies: [POLICY_OID.legalEntitySigning],
      isCa: false,
      publicKeyAlgorithm: OID.rsaEncryption,
    });
    expect(c.extendedKeyUsage).toEqual(
      expect.arrayContaining([OID.emailProtection, ROLE_OID.legalEntity, ROLE_OID.firstHead]),
    );
    expect(c.keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyEncipherment: false });
    expect(c.subject).toContain("SERIALNUMBER=IIN");
    expect(c.subject).toContain(`OU=BIN${bin(1)}`);
    expect(c.issuer).toContain("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) SANDBOX");
    expect(c.notBefore < c.notAfter).toBe(true);
  });

  it("authentication certificates: keyEncipherment + clientAuth, authentication policy", () => {
    const c = readCertificate(head.authentication.certificatePem);
    expect(c.purpose).toBe("authentication");
    expect(c.policies).toEqual([POLICY_OID.legalEntityAuthentication]);
    expect(c.extendedKeyUsage).toContain(OID.clientAuth);
  });

  it("individuals: role individual, patronymic in G, policies .3 (signing) and .4 (authentication)", () => {
    const s = readCertificate(person.signing.certificatePem);
    const a = readCertificate(person.authentication.certificatePem);
    expect(s).toMatchObject({
      subjectRole: "individual",
      bin: null,
      organisation: null,
      givenName: "ТЕСТОВИЧ",
      iin: iin(1),
    });
    expect(s.policies).toEqual([POLICY_OID.individualSigning]);
    expect(a.policies).toEqual([POLICY_OID.individualAuthentication]);
  });

  it("signer and employee roles", () => {
    expect(readCertificate(signer.signing.certificatePem).subjectRole).toBe("signer");
    expect(readCertificate(employee.signing.certificatePem).subjectRole).toBe("employee");
  });

  it("DER and PEM give the same result; CA certificates are CAs with no end-entity purpose", () => {
    expect(readCertificate(pemToDer(person.signing.certificatePem))).toEqual(
      readCertificate(person.signing.certificatePem),
    );
    const root = readCertificate(anchors.anchors[0]!);
    expect(root).toMatchObject({ isCa: true, purpose: "unknown", subjectRole: "unknown", iin: null });
    expect(readCertificate(anchors.intermediates[0]!).pathLenConstraint).toBe(0);
  });

  it("refuses what is not a certificate", () => {
    const unsupported = expect.objectContaining({ code: "pki.unsupported_format" });
    expect(() => readCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(unsupported);
    expect(() => readCertificate("hello")).toThrow(unsupported);
    expect(() => readCertificate("-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----")).toThrow(unsupported);
    expect(() => readCertificate(new Uint8Array(1024 * 1024 + 1))).toThrow(
      expect.objectContaining({ code: "pki.input_too_large" }),
    );
  });
});

describe("classification rules", () => {
  const ku = (p: Partial<Record<string, boolean>>) => ({
    digitalSignature: false,
    nonRepudiation: false,
    keyEncipherment: false,
    dataEncipherment: false,
    keyAgreement: false,
    keyCertSign: false,
    cRLSign: false,
    ...p,
  });

  it("purpose needs matching keyUsage and EKU; contradictions are unknown", () => {
    const sign = ku({ digitalSignature: true, nonRepudiation: true });
    const auth = ku({ digitalSignature: true, keyEncipherment: true });
    expect(classifyPurpose(sign, [OID.emailProtection], [])).toBe("signing");
    expect(classifyPurpose(auth, [OID.clientAuth], [])).toBe("authentication");
    expect(classifyPurpose(null, [OID.emailProtection], [])).toBe("unknown");
    expect(classifyPurpose(sign, [OID.emailProtection, OID.clientAuth], [])).toBe("unknown");
    expect(classifyPurpose(sign, [OID.clientAuth], [])).toBe("unknown");
    expect(classifyPurpose(sign, [OID.emailProtection], [POLICY_OID.individualAuthentication])).toBe("unknown");
    expect(classifyPurpose(auth, [OID.clientAuth], [POLICY_OID.legalEntitySigning])).toBe("unknown");
  });

  it("role from the NCA role OIDs; contradictions are unknown", () => {
    expect(classifyRole([ROLE_OID.individual])).toBe("individual");
    expect(classifyRole([ROLE_OID.legalEntity])).toBe("legal_entity");
    expect(classifyRole([ROLE_OID.legalEntity, ROLE_OID.signer])).toBe("signer");
    expect(classifyRole([ROLE_OID.legalEntity, ROLE_OID.signer, ROLE_OID.employee])).toBe("unknown");
    expect(classifyRole([ROLE_OID.individual, ROLE_OID.firstHead])).toBe("unknown");
    expect(classifyRole([])).toBe("unknown");
  });
});

describe("TrustStore inputs", () => {
  it("accepts PEM text, PEM bytes and DER; refuses junk, oversized input and non-CA anchors", () => {
    const rootPem = anchors.anchors[0]!;
    const der = pemToDer(rootPem);
    const store = TrustStore.from({ anchors: [rootPem, new TextEncoder().encode(rootPem), der] });
    expect(store.anchors.map((a) => a.fingerprint)).toEqual(Array(3).fill(store.anchors[0]!.fingerprint));
    expect(() => TrustStore.from({ anchors: ["junk"] })).toThrow(
      expect.objectContaining({ code: "pki.unsupported_format" }),
    );
    expect(() => TrustStore.from({ anchors: [new Uint8Array(1024 * 1024 + 1)] })).toThrow(
      expect.objectContaining({ code: "pki.input_too_large" }),
    );
    expect(() => TrustStore.from({ anchors: [person.signing.certificatePem] })).toThrow(
      expect.objectContaining({ code: "pki.invalid_trust_anchor" }),
    );
  });
});
