import { DomainError } from "@/lib/platform/core";
import { MAX_INPUT_BYTES, derObject, normaliseSerial, toHex } from "./bytes";
import { DerError, TAG, type Tlv, childrenOf, contextTag, expectTag, readDer, readOid, readTime } from "./der";
import { OID } from "./oids";
import { type RevocationReason, reasonFromCode } from "./revocation-reason";
import { checkSignature } from "./signature-algorithms";
import type { TrustStore } from "./trust-store";
import { type ParsedCertificate, bitStringBytes } from "./x509";

/**
 * CRLs: parsed and signature-checked against an issuer of the trust store, then turned into
 * a lookup keyed by issuer (name + key) and serial. `CrlCache` (crl-cache.ts) refreshes through an injected
 * fetcher once `nextUpdate` has passed.
 */

export type RevocationEntry = { revokedAt: Date; reason: RevocationReason };

export type VerifiedCrl = {
  /** Identifies the issuing CA: subject name and public key (see `issuerKeyOf`). */
  issuerKey: string;
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: bigint | null;
  entries: ReadonlyMap<string, RevocationEntry>;
};

export type RevocationCheck =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; reason: RevocationReason }
  | { status: "unknown"; reason: "no_crl" | "crl_expired" };

/** What the verifier asks; a database- or OCSP-backed source can implement it too. */
export interface RevocationChecker {
  check(issuerKey: string, serial: string, now: Date): RevocationCheck;
}

export function issuerKeyOf(issuer: ParsedCertificate): string {
  return `${issuer.subjectName}:${issuer.keyId}`;
}

/** Tolerated clock difference for thisUpdate in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

function invalid(reason: string, extra?: Record<string, unknown>): never {
  throw new DomainError("pki.crl_invalid", { reason, ...extra });
}

type ExtensionTlv = { id: string; critical: boolean; value: Uint8Array };

function extensionsOf(seq: Tlv): ExtensionTlv[] {
  return childrenOf(expectTag(seq, TAG.SEQUENCE, "extensions")).map((e) => {
    const parts = childrenOf(expectTag(e, TAG.SEQUENCE, "extension"));
    const critical = parts.length === 3 && parts[1]!.tag === TAG.BOOLEAN && parts[1]!.value[0] !== 0;
    return {
      id: readOid(parts[0]),
      critical,
      value: expectTag(parts[parts.length - 1], TAG.OCTET_STRING, "extn_value").value,
    };
  });
}

type RawCrl = {
  tbs: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
  issuerName: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  aki: string | null;
  crlNumber: bigint | null;
  criticalUnknown: string[];
  entries: Map<string, RevocationEntry>;
};

/**
 * CRLs are read with the strict DER reader: NCA CRLs hold many thousands of entries, beyond
 * asn1js 4's default node limit (10,000) and at about 0.25 ms per entry through pkijs.
 */
function readCrl(der: Uint8Array): RawCrl {
  const [tbsTlv, sigAlg, sigValue] = childrenOf(expectTag(readDer(der), TAG.SEQUENCE, "crl"));
  const tbs = childrenOf(expectTag(tbsTlv, TAG.SEQUENCE, "tbs_cert_list"));
  let i = tbs[0]?.tag === TAG.INTEGER ? 1 : 0;
  i++; // signature algorithm, repeated outside the TBS
  const issuer = expectTag(tbs[i++], TAG.SEQUENCE, "issuer");
  const thisUpdate = readTime(tbs[i++]);
  let nextUpdate: Date | null = null;
  if (tbs[i]?.tag === TAG.UTC_TIME || tbs[i]?.tag === TAG.GENERALIZED_TIME) nextUpdate = readTime(tbs[i++]);
  const entries = new Map<string, RevocationEntry>();
  if (tbs[i]?.tag === TAG.SEQUENCE) {
    for (const entry of childrenOf(tbs[i++]!)) {
      const [serial, date, exts] = childrenOf(expectTag(entry, TAG.SEQUENCE, "revoked_certificate"));
      let reason: RevocationReason = "unspecified";
      for (const ext of exts ? extensionsOf(exts) : []) {
        if (ext.id === OID.crlReason) {
          const code = expectTag(readDer(ext.value), TAG.ENUMERATED, "reason_code").value;
          reason = reasonFromCode(code[0] ?? 0);
        } else if (ext.critical) {
          invalid("unsupported_entry_extension", { oid: ext.id });
        }
      }
      entries.set(normaliseSerial(toHex(expectTag(serial, TAG.INTEGER, "serial").value)), {
        revokedAt: readTime(date),
        reason,
      });
    }
  }
  let aki: string | null = null;
  let crlNumber: bigint | null = null;
  const criticalUnknown: string[] = [];
  const extWrap = tbs[i]?.tag === contextTag(0, true) ? tbs[i] : undefined;
  for (const ext of extWrap ? extensionsOf(readDer(extWrap.value)) : []) {
    if (ext.id === OID.authorityKeyIdentifier) {
      const kid = childrenOf(expectTag(readDer(ext.value), TAG.SEQUENCE, "aki")).find(
        (c) => c.tag === contextTag(0, false),
      );
      aki = kid ? toHex(kid.value) : null;
    } else if (ext.id === OID.crlNumber) {
      crlNumber = BigInt(`0x${toHex(expectTag(readDer(ext.value), TAG.INTEGER, "crl_number").value) || "0"}`);
    } else if (ext.critical) {
      criticalUnknown.push(ext.id);
    }
  }
  return {
    tbs: tbsTlv!.bytes,
    signatureOid: readOid(childrenOf(expectTag(sigAlg, TAG.SEQUENCE, "signature_algorithm"))[0]),
    signature: bitStringBytes(sigValue),
    issuerName: toHex(issuer.bytes),
    thisUpdate,
    nextUpdate,
    aki,
    crlNumber,
    criticalUnknown,
    entries,
  };
}

/** Parse a DER/PEM CRL, verify it against its issuer in `trustStore`, and index its entries. */
export function parseCrl(
  input: Uint8Array | string,
  trustStore: TrustStore,
  now: Date,
  options: { maxBytes?: number } = {},
): VerifiedCrl {
  const der = derObject(input, ["X509 CRL"], options.maxBytes ?? MAX_INPUT_BYTES);
  let crl: RawCrl;
  try {
    crl = readCrl(der);
  } catch (e) {
    if (e instanceof DerError) invalid("bad_structure", { at: e.reason });
    throw e;
  }
  // Delta CRLs, indirect CRLs and partitioned CRLs are not handled: refuse rather than misread.
  if (crl.criticalUnknown.length > 0) invalid("unsupported_extension", { oids: crl.criticalUnknown });
  if (!crl.nextUpdate) invalid("no_next_update");
  if (crl.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) invalid("not_yet_valid");

  const candidates = trustStore
    .bySubjectName(crl.issuerName)
    .filter((c) => crl.aki === null || c.subjectKeyIdentifier === null || c.subjectKeyIdentifier === crl.aki);
  if (candidates.length === 0) invalid("issuer_not_found");

  let issuer: ParsedCertificate | null = null;
  let failure = "bad_signature";
  for (const c of candidates) {
    if (c.info.keyUsage !== null && !c.info.keyUsage.cRLSign) {
      failure = "issuer_not_crl_signer";
      continue;
    }
    const key = c.publicKey();
    const check = key
      ? checkSignature({ signatureOid: crl.signatureOid, key, data: crl.tbs, signature: crl.signature })
      : "unsupported";
    if (check !== "valid") {
      failure = check === "unsupported" ? "unsupported_algorithm" : "bad_signature";
      continue;
    }
    const path = trustStore.buildPath(c, [], now);
    if (!path.ok) {
      failure = `issuer_untrusted:${path.reason}`;
      continue;
    }
    issuer = c;
    break;
  }
  if (!issuer) invalid(failure);

  return {
    issuerKey: issuerKeyOf(issuer),
    issuer: issuer.info.subject,
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
    crlNumber: crl.crlNumber,
    entries: crl.entries,
  };
}

/** Later thisUpdate wins; the CRL number breaks ties between CRLs issued in the same second. */
export function newer(a: VerifiedCrl, b: VerifiedCrl): boolean {
  if (a.thisUpdate.getTime() !== b.thisUpdate.getTime()) return a.thisUpdate > b.thisUpdate;
  return (a.crlNumber ?? 0n) > (b.crlNumber ?? 0n);
}

/** Immutable revocation lookup over the latest CRL of each issuer. */
export class RevocationSet implements RevocationChecker {
  private readonly byIssuer: ReadonlyMap<string, VerifiedCrl>;

  private constructor(byIssuer: Map<string, VerifiedCrl>) {
    this.byIssuer = byIssuer;
  }

  static fromCrls(crls: readonly VerifiedCrl[]): RevocationSet {
    const map = new Map<string, VerifiedCrl>();
    for (const c of crls) {
      const current = map.get(c.issuerKey);
      if (!current || newer(c, current)) map.set(c.issuerKey, c);
    }
    return new RevocationSet(map);
  }

  get crls(): readonly VerifiedCrl[] {
    return [...this.byIssuer.values()];
  }

  check(issuerKey: string, serial: string, now: Date): RevocationCheck {
    const crl = this.byIssuer.get(issuerKey);
    if (!crl) return { status: "unknown", reason: "no_crl" };
    if (now > crl.nextUpdate) return { status: "unknown", reason: "crl_expired" };
    const entry = crl.entries.get(normaliseSerial(serial));
    return entry ? { status: "revoked", revokedAt: entry.revokedAt, reason: entry.reason } : { status: "good" };
  }
}
