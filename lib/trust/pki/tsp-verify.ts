import { createHash } from "node:crypto";
import { DomainError } from "@/lib/platform/core";
import { equalBytes } from "./bytes";
import { decodeCms } from "./cms-decode";
import { checkIntegrity, identifySigner } from "./cms-signer";
import { type RevocationChecker, issuerKeyOf } from "./crl";
import { OID } from "./oids";
import { digestName } from "./signature-algorithms";
import type { TrustStore } from "./trust-store";
import { type TstInfo, parseTstInfo } from "./tsp";
import type { TimeStampSummary } from "./verification-status";
import type { ParsedCertificate } from "./x509";

/**
 * Verification of an RFC 3161 time-stamp token (a CMS SignedData over a TSTInfo), with the same
 * steps as a signature (cms-signer.ts): the TSA certificate in the token and bound by ESS
 * signing-certificate(-v2) — which RFC 3161 2.4.2 requires —, the signature over the signed
 * attributes and the digest of the TSTInfo; then the message imprint over the stamped data, the
 * nonce when the caller sent one, the TSA certificate's purpose (extendedKeyUsage exactly
 * id-kp-timeStamping and critical, RFC 3161 2.3), its chain to a trust anchor and its validity at
 * genTime, and its revocation (a revocation at or before genTime invalidates the token; unknown
 * status throws pki.revocation_unavailable, as for signatures).
 */

export type VerifyTimeStampInput = {
  /** The TimeStampToken: DER ContentInfo. */
  token: Uint8Array;
  /** What was stamped: for a signature time-stamp, the SignerInfo's signature value. */
  stampedData: Uint8Array;
  trustStore: TrustStore;
  revocations: RevocationChecker;
  now: Date;
  /** The nonce of the request (hex), checked when given. */
  nonce?: string;
};

export type TimeStampVerification =
  | { ok: true; genTime: Date; info: TstInfo; tsa: ParsedCertificate; summary: TimeStampSummary }
  | { ok: false; reason: string };

/** RFC 3161 2.3: the only extended key usage is id-kp-timeStamping, and the extension is critical. */
export function isTimeStampingCertificate(c: ParsedCertificate): boolean {
  const eku = c.info.extendedKeyUsage;
  return eku.length === 1 && eku[0] === OID.timeStamping && c.info.criticalExtensions.includes(OID.extKeyUsage);
}

export function verifyTimeStampToken(input: VerifyTimeStampInput): TimeStampVerification {
  const bad = (reason: string): TimeStampVerification => ({ ok: false, reason });
  const decoded = decodeCms(input.token, OID.tstInfo);
  if (!decoded.ok) return bad(decoded.reason);
  const cms = decoded.cms;
  if (!cms.eContent) return bad("no_tst_info");
  if (!cms.signingCertificate) return bad("no_signing_certificate");
  const found = identifySigner(cms, input.trustStore);
  if (!found.ok) return bad(found.reason);
  const { signer: tsa, certs } = found;
  const integrity = checkIntegrity(cms, tsa, cms.eContent);
  if (integrity !== "ok") return bad(integrity);

  let info: TstInfo;
  try {
    info = parseTstInfo(cms.eContent);
  } catch (e) {
    if (e instanceof DomainError && e.code === "pki.timestamp_invalid") return bad("bad_tst_info");
    throw e;
  }
  const imprintHash = digestName(info.imprint.hashOid);
  if (!imprintHash) return bad("unsupported_algorithm");
  const expected = new Uint8Array(createHash(imprintHash).update(input.stampedData).digest());
  if (!equalBytes(expected, info.imprint.hash)) return bad("imprint_mismatch");
  if (input.nonce !== undefined && info.nonce !== input.nonce) return bad("nonce_mismatch");

  if (!isTimeStampingCertificate(tsa)) return bad("not_time_stamping_certificate");
  const genTime = info.genTime;
  if (genTime.getTime() > input.now.getTime() + 5 * 60_000) return bad("time_in_future");
  const path = input.trustStore.buildPath(tsa, certs, genTime);
  if (!path.ok) return bad(`untrusted_chain_${path.reason}`);
  const issuer = path.path[1];
  if (!issuer) return bad("untrusted_chain_signer_is_anchor");
  if (genTime < tsa.info.notBefore || genTime > tsa.info.notAfter) return bad("tsa_certificate_not_valid");
  const rev = input.revocations.check(issuerKeyOf(issuer), tsa.serial, input.now);
  if (rev.status === "unknown") throw new DomainError("pki.revocation_unavailable", { reason: rev.reason, issuer: issuer.info.subject });
  if (rev.status === "revoked" && rev.revokedAt <= genTime) return bad("tsa_certificate_revoked");

  return {
    ok: true,
    genTime,
    info,
    tsa,
    summary: {
      time: genTime,
      tsa: tsa.info.commonName ?? tsa.info.subject,
      tsaCertificateSerial: tsa.serial,
      serial: info.serial,
      policy: info.policy,
    },
  };
}
