import forge from "node-forge";
import { DomainError } from "@/lib/platform/core";
import {
  type Asn1,
  Asn1Class,
  Asn1Type,
  algorithmNode,
  decodeDer,
  derSetOf,
  encodeDer,
  isContext,
  octetNode,
  oidNode,
  seqNode,
  sequence,
  setNode,
  timeNode,
} from "./asn1-read";
import { toBinaryString } from "./bytes";
import { type CertificateInfo, assertPurpose, readCertificate } from "./certificate";
import { OID } from "./oids";

/**
 * Detached CMS SignedData (RFC 5652) with SHA-256 and RSA PKCS#1 v1.5, built with
 * node-forge only so it runs in a client component. The structure is assembled here
 * rather than with forge.pkcs7 because forge re-encodes the signer's issuer name from
 * parsed attributes and double-encodes UTF-8 (NCA issuer names are Kazakh), which would
 * make the SignerIdentifier miss the certificate.
 */

export type SignDetachedInput = {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** Issuing certificates; self-signed roots are left out (the verifier holds them). */
  chain?: readonly forge.pki.Certificate[];
  content: Uint8Array;
  /** The signer's clock; encoded as UTCTime (whole seconds). */
  signingTime: Date;
  /** When given, refuse a certificate of another purpose before signing. */
  purpose?: "signing" | "authentication";
};

function toCertificateInfo(cert: CertificateInfo | forge.pki.Certificate): CertificateInfo {
  if ("purpose" in cert) return cert;
  return readCertificate(encodeDer(forge.pki.certificateToAsn1(cert)));
}

/** Throws `pki.wrong_key_usage` unless the certificate is a signing (EDS) key. */
export function assertSigningKey(cert: CertificateInfo | forge.pki.Certificate): void {
  assertPurpose(toCertificateInfo(cert), "signing");
}

/** Throws `pki.wrong_key_usage` unless the certificate is an authentication (login) key. */
export function assertAuthenticationKey(cert: CertificateInfo | forge.pki.Certificate): void {
  assertPurpose(toCertificateInfo(cert), "authentication");
}

function attribute(type: string, value: Asn1): Asn1 {
  return seqNode([oidNode(type), setNode([value])]);
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signer certificate to the signature, which
 * CAdES and PAdES baseline B-B require. One ESSCertIDv2 with the SHA-256 of the certificate
 * (hashAlgorithm left out: DEFAULT id-sha256) and its issuer and serial number.
 */
function essSigningCertificateV2(certDer: Uint8Array, issuer: Asn1, serial: Asn1): Asn1 {
  const hash = forge.md.sha256.create();
  hash.update(toBinaryString(certDer));
  const directoryName = forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 4, true, [issuer]);
  const issuerSerial = seqNode([seqNode([directoryName]), serial]);
  return seqNode([seqNode([seqNode([octetNode(hash.digest().getBytes()), issuerSerial])])]);
}

export function signDetached(input: SignDetachedInput): Uint8Array {
  return signCms(input, OID.data, false);
}

export type SignEncapsulatedInput = Omit<SignDetachedInput, "purpose"> & {
  /** eContentType and the content-type attribute, e.g. id-ct-TSTInfo for an RFC 3161 token. */
  contentType: string;
  /** Leave the certificates out (an RFC 3161 token when the request did not ask for them). */
  withoutCertificates?: boolean;
};

/** The same SignedData with the content inside (eContent), e.g. a time-stamp token over its TSTInfo. */
export function signEncapsulated(input: SignEncapsulatedInput): Uint8Array {
  return signCms(input, input.contentType, true, !input.withoutCertificates);
}

function signCms(input: SignDetachedInput, contentType: string, encapsulate: boolean, withCertificates = true): Uint8Array {
  const { key, certificate, content, signingTime } = input;
  if (Number.isNaN(signingTime.getTime())) throw new DomainError("pki.invalid_request", { reason: "signing_time" });
  const pub = certificate.publicKey as forge.pki.rsa.PublicKey;
  if (!pub?.n || !pub.n.equals(key.n) || !pub.e.equals(key.e)) throw new DomainError("pki.key_mismatch");

  const certDer = encodeDer(forge.pki.certificateToAsn1(certificate));
  if (input.purpose) assertPurpose(readCertificate(certDer), input.purpose);
  const tbs = sequence(
    sequence(decodeDer(certDer, "pki.unsupported_format"), "pki.unsupported_format", "cert")[0],
    "pki.unsupported_format",
    "tbs",
  );
  const offset = isContext(tbs[0], 0) ? 1 : 0;
  const serialNode = tbs[offset]!;
  const issuerNode = tbs[offset + 2]!;

  const digest = forge.md.sha256.create();
  digest.update(toBinaryString(content));

  // Signed attributes: DER SET OF (sorted), signed with the SET tag, stored as [0] IMPLICIT.
  const attrs = derSetOf([
    attribute(OID.contentType, oidNode(contentType)),
    attribute(OID.signingTime, timeNode(signingTime)),
    attribute(OID.messageDigest, octetNode(digest.digest().getBytes())),
    attribute(OID.signingCertificateV2, essSigningCertificateV2(certDer, issuerNode, serialNode)),
  ]);
  const attrsMd = forge.md.sha256.create();
  attrsMd.update(forge.asn1.toDer(attrs).getBytes());
  const signature = key.sign(attrsMd, "RSASSA-PKCS1-V1_5");
  const signedAttrs = forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, true, attrs.value as Asn1[]);

  const signerInfo = seqNode([
    forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.INTEGER, false, "\x01"),
    seqNode([issuerNode, serialNode]),
    algorithmNode(OID.sha256),
    signedAttrs,
    algorithmNode(OID.rsaEncryption),
    octetNode(signature),
  ]);

  const included = [certificate, ...(input.chain ?? []).filter((c) => !c.isIssuer(c))];
  const certificates = forge.asn1.create(
    Asn1Class.CONTEXT_SPECIFIC,
    0,
    true,
    included.map((c) => forge.pki.certificateToAsn1(c)),
  );

  const signedData = seqNode([
    // RFC 5652 5.1: version 3 when eContentType is other than id-data.
    forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.INTEGER, false, contentType === OID.data ? "\x01" : "\x03"),
    setNode([algorithmNode(OID.sha256)]),
    encapsulate
      ? seqNode([oidNode(contentType), forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, true, [octetNode(toBinaryString(content))])])
      : seqNode([oidNode(contentType)]), // detached: no eContent
    ...(withCertificates ? [certificates] : []),
    setNode([signerInfo]),
  ]);
  const contentInfo = seqNode([
    oidNode(OID.signedData),
    forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
  ]);
  return encodeDer(contentInfo);
}
