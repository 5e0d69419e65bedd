import { generateKeyPair as generateKeyPairCb, sign as nodeSign } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";
import { Asn1Type, decodeDer, encodeDer, isContext, oidNode, seqNode, sequence } from "../asn1-read";
import { fromBinaryString, toBinaryString } from "../bytes";
import { OID } from "../oids";

/**
 * Certificate assembly for the sandbox CA: forge builds the TBSCertificate, node:crypto
 * signs it (much faster than forge's JS RSA), and the issuer Name is copied byte for byte
 * from the issuer certificate (forge would re-encode parsed UTF-8 names wrongly).
 */

export type KeyPairPem = { privateKeyPem: string; publicKeyPem: string };
export type KeyPairGenerator = () => Promise<KeyPairPem>;

const generateKeyPairAsync = promisify(generateKeyPairCb);

/** RSA-2048 via node:crypto (forge's pure-JS generation takes seconds). */
export const generateRsaKeyPair: KeyPairGenerator = async () => {
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
};

export type NameAttributeSpec = {
  oid: string;
  value: string;
  encoding: "utf8" | "printable";
};

export type CertificateSpec = {
  serial: string;
  subject: readonly NameAttributeSpec[];
  publicKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  /** forge extension objects (see node-forge x509 setExtensions). */
  extensions: object[];
  /** null = self-signed. */
  issuer: { certificateDer: Uint8Array } | null;
  /** The issuer's key (the subject's own key when self-signed). */
  signerPrivateKeyPem: string;
};

export type BuiltCertificate = {
  certificate: forge.pki.Certificate;
  der: Uint8Array;
  pem: string;
};

function forgeAttributes(attrs: readonly NameAttributeSpec[]): forge.pki.CertificateField[] {
  return attrs.map(
    (a) =>
      ({
        type: a.oid,
        value: a.value,
        valueTagClass: a.encoding === "utf8" ? Asn1Type.UTF8 : Asn1Type.PRINTABLESTRING,
      }) as unknown as forge.pki.CertificateField,
  );
}

/** The raw subject Name node of a DER certificate. */
export function subjectNameNode(certDer: Uint8Array): forge.asn1.Asn1 {
  const code = "pki.unsupported_format";
  const tbs = sequence(sequence(decodeDer(certDer, code), code, "cert")[0], code, "tbs");
  return tbs[(isContext(tbs[0], 0) ? 1 : 0) + 4]!;
}

/** certificatePolicies with policy OIDs only (no qualifiers), as a raw DER extension value. */
export function certificatePoliciesExtension(policies: readonly string[]): object {
  const value = seqNode(policies.map((p) => seqNode([oidNode(p)])));
  return {
    id: OID.certificatePolicies,
    critical: false,
    value: toBinaryString(encodeDer(value)),
  };
}

export function buildCertificate(spec: CertificateSpec): BuiltCertificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  cert.serialNumber = spec.serial;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = forgeAttributes(spec.subject);
  cert.setSubject(subject);
  cert.setIssuer(subject); // replaced below by the issuer's exact Name bytes
  cert.setExtensions(spec.extensions);
  cert.siginfo.algorithmOid = OID.sha256WithRsa;
  cert.signatureOid = OID.sha256WithRsa;

  // getTBSCertificate exists in node-forge but is missing from @types/node-forge.
  const tbs = (
    forge.pki as unknown as {
      getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
    }
  ).getTBSCertificate(cert);
  const tbsParts = tbs.value as forge.asn1.Asn1[];
  const issuerIndex = isContext(tbsParts[0], 0) ? 3 : 2;
  if (spec.issuer) tbsParts[issuerIndex] = subjectNameNode(spec.issuer.certificateDer);
  const tbsDer = encodeDer(tbs);
  cert.tbsCertificate = tbs;
  cert.signature = toBinaryString(new Uint8Array(nodeSign("sha256", tbsDer, spec.signerPrivateKeyPem)));

  const der = encodeDer(forge.pki.certificateToAsn1(cert));
  // Re-read so the forge object (issuer, hashes) reflects the final bytes.
  const finalCert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinaryString(der)), true);
  return {
    certificate: finalCert,
    der,
    pem: forge.pki.certificateToPem(finalCert),
  };
}

export function certificateFromPem(pem: string): {
  certificate: forge.pki.Certificate;
  der: Uint8Array;
} {
  const certificate = forge.pki.certificateFromPem(pem, true);
  return {
    certificate,
    der: fromBinaryString(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes()),
  };
}

/** Key identifier (SHA-1 of the public key) of a certificate, as forge computes its SKI. */
export function keyIdentifier(cert: forge.pki.Certificate): string {
  return cert.generateSubjectKeyIdentifier().getBytes();
}
