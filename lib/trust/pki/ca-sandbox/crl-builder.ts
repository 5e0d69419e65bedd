import { sign as nodeSign } from "node:crypto";
import forge from "node-forge";
import {
  Asn1Class,
  Asn1Type,
  algorithmNode,
  encodeDer,
  integerHexNode,
  octetNode,
  oidNode,
  seqNode,
  timeNode,
} from "../asn1-read";
import { toBinaryString } from "../bytes";
import { OID } from "../oids";
import { REVOCATION_REASONS, type RevocationReason } from "../revocation-reason";
import { subjectNameNode } from "./certificate-builder";

/** X.509 v2 CRL (RFC 5280 5.1) assembled with forge's ASN.1 and signed with node:crypto. */

export type CrlSpec = {
  issuerCertificateDer: Uint8Array;
  issuerKeyIdentifier: string; // binary string
  issuerPrivateKeyPem: string;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
  entries: readonly {
    serial: string;
    revokedAt: Date;
    reason: RevocationReason;
  }[];
};

function positiveHex(serial: string): string {
  return /^[89a-f]/i.test(serial) ? `00${serial}` : serial;
}

function extension(id: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return seqNode([oidNode(id), octetNode(toBinaryString(encodeDer(value)))]);
}

export function buildCrl(spec: CrlSpec): Uint8Array {
  const revoked = spec.entries.map((e) => {
    const parts = [integerHexNode(positiveHex(e.serial)), timeNode(e.revokedAt)];
    // RFC 5280 5.3.1: the reasonCode "unspecified" should be omitted.
    if (e.reason !== "unspecified") {
      const code = forge.asn1.create(
        Asn1Class.UNIVERSAL,
        Asn1Type.ENUMERATED,
        false,
        String.fromCharCode(REVOCATION_REASONS[e.reason]),
      );
      parts.push(seqNode([extension(OID.crlReason, code)]));
    }
    return seqNode(parts);
  });

  const aki = seqNode([forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, false, spec.issuerKeyIdentifier)]);
  const crlNumber = forge.asn1.create(
    Asn1Class.UNIVERSAL,
    Asn1Type.INTEGER,
    false,
    forge.asn1.integerToDer(spec.crlNumber).getBytes(),
  );
  const tbs = seqNode([
    forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.INTEGER, false, "\x01"), // v2
    algorithmNode(OID.sha256WithRsa),
    subjectNameNode(spec.issuerCertificateDer),
    timeNode(spec.thisUpdate),
    timeNode(spec.nextUpdate),
    ...(revoked.length > 0 ? [seqNode(revoked)] : []),
    forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, true, [
      seqNode([extension(OID.authorityKeyIdentifier, aki), extension(OID.crlNumber, crlNumber)]),
    ]),
  ]);
  const tbsDer = encodeDer(tbs);
  const signature = new Uint8Array(nodeSign("sha256", tbsDer, spec.issuerPrivateKeyPem));
  const bitString = forge.asn1.create(
    Asn1Class.UNIVERSAL,
    Asn1Type.BITSTRING,
    false,
    `\x00${toBinaryString(signature)}`,
  );
  return encodeDer(seqNode([tbs, algorithmNode(OID.sha256WithRsa), bitString]));
}
