import { DomainError } from "@/lib/platform/core";
import { derObjects } from "./bytes";
import { checkSignature } from "./signature-algorithms";
import { type ParsedCertificate, parseCertificateDer, sha256Hex } from "./x509";

/**
 * Trust anchors and known intermediates, parsed once. Also the verification caches:
 * parsed certificates by fingerprint, and CA-to-CA links whose signature already verified,
 * so a stream of requests from the same CA does not re-verify the intermediate each time.
 * Leaf signatures are always verified.
 */

export type TrustStoreInput = {
  /** Root certificates trusted by configuration (PEM text, PEM bytes or DER). */
  anchors: readonly (string | Uint8Array)[];
  /** Issuing CA certificates used to build paths when the CMS does not carry them. */
  intermediates?: readonly (string | Uint8Array)[];
};

export type PathFailure =
  | "issuer_not_found"
  | "bad_ca_signature"
  | "not_a_ca"
  | "ca_not_valid"
  | "path_too_long"
  | "unsupported_algorithm"
  | "unhandled_critical_extension";

export type PathResult = { ok: true; path: ParsedCertificate[] } | { ok: false; reason: PathFailure };

const MAX_PATH = 6;
const CERT_CACHE_LIMIT = 2048;
const LINK_CACHE_LIMIT = 4096;

function parseAll(inputs: readonly (string | Uint8Array)[]): ParsedCertificate[] {
  return inputs.flatMap((i) => derObjects(i, ["CERTIFICATE"]).map(parseCertificateDer));
}

export class TrustStore {
  readonly anchors: readonly ParsedCertificate[];
  readonly intermediates: readonly ParsedCertificate[];
  private readonly anchorPrints: Set<string>;
  private readonly bySubject = new Map<string, ParsedCertificate[]>();
  private readonly certCache = new Map<string, ParsedCertificate>();
  private readonly verifiedLinks = new Set<string>();

  private constructor(anchors: ParsedCertificate[], intermediates: ParsedCertificate[]) {
    for (const a of anchors) {
      if (!a.info.isCa)
        throw new DomainError("pki.invalid_trust_anchor", {
          subject: a.info.subject,
        });
    }
    this.anchors = anchors;
    this.intermediates = intermediates;
    this.anchorPrints = new Set(anchors.map((a) => a.fingerprint));
    for (const c of [...anchors, ...intermediates]) {
      const list = this.bySubject.get(c.subjectName) ?? [];
      if (!list.some((x) => x.fingerprint === c.fingerprint)) list.push(c);
      this.bySubject.set(c.subjectName, list);
      this.certCache.set(c.fingerprint, c);
    }
  }

  static from(input: TrustStoreInput): TrustStore {
    const anchors = parseAll(input.anchors);
    if (anchors.length === 0) throw new DomainError("pki.invalid_trust_anchor", { reason: "none" });
    return new TrustStore(anchors, parseAll(input.intermediates ?? []));
  }

  isAnchor(cert: ParsedCertificate): boolean {
    return this.anchorPrints.has(cert.fingerprint);
  }

  /** Parse a DER certificate, reusing an earlier parse of the same bytes. */
  certificate(der: Uint8Array): ParsedCertificate {
    const print = sha256Hex(der);
    const hit = this.certCache.get(print);
    if (hit) return hit;
    const parsed = parseCertificateDer(der);
    if (this.certCache.size >= CERT_CACHE_LIMIT) {
      // Drop the oldest non-configured entry (Map keeps insertion order).
      for (const k of this.certCache.keys()) {
        if (!this.anchorPrints.has(k) && !this.intermediates.some((i) => i.fingerprint === k)) {
          this.certCache.delete(k);
          break;
        }
      }
    }
    this.certCache.set(print, parsed);
    return parsed;
  }

  /** Certificates of the store whose subject is `name` (hex DER). */
  bySubjectName(name: string): readonly ParsedCertificate[] {
    return this.bySubject.get(name) ?? [];
  }

  /**
   * Build a path from `cert` to an anchor, with `extra` (e.g. CMS certificates) as
   * untrusted helpers. CA certificates must be CAs (basicConstraints cA, keyUsage
   * keyCertSign when present), within pathLen, and valid at `at`.
   */
  buildPath(cert: ParsedCertificate, extra: readonly ParsedCertificate[], at: Date): PathResult {
    if (cert.info.unhandledCriticalExtensions.length > 0) return { ok: false, reason: "unhandled_critical_extension" };
    return this.extend(cert, extra, at, 0);
  }

  private candidates(cert: ParsedCertificate, extra: readonly ParsedCertificate[]): ParsedCertificate[] {
    const found = new Map<string, ParsedCertificate>();
    for (const c of [
      ...this.bySubjectName(cert.issuerName),
      ...extra.filter((e) => e.subjectName === cert.issuerName),
    ]) {
      if (c.fingerprint !== cert.fingerprint) found.set(c.fingerprint, c);
    }
    const list = [...found.values()];
    // Prefer the issuer named by the authority key identifier, then anchors.
    const score = (c: ParsedCertificate) =>
      (cert.authorityKeyIdentifier && c.subjectKeyIdentifier === cert.authorityKeyIdentifier ? 0 : 2) +
      (this.isAnchor(c) ? 0 : 1);
    return list.sort((a, b) => score(a) - score(b));
  }

  private extend(cert: ParsedCertificate, extra: readonly ParsedCertificate[], at: Date, depth: number): PathResult {
    if (this.isAnchor(cert)) return { ok: true, path: [cert] };
    if (depth >= MAX_PATH) return { ok: false, reason: "path_too_long" };
    let failure: PathFailure = "issuer_not_found";
    for (const issuer of this.candidates(cert, extra)) {
      const link = this.checkLink(issuer, cert, at, depth);
      if (link !== null) {
        failure = link;
        continue;
      }
      const rest = this.extend(issuer, extra, at, depth + 1);
      if (rest.ok) return { ok: true, path: [cert, ...rest.path] };
      failure = rest.reason;
    }
    return { ok: false, reason: failure };
  }

  /** null when `issuer` may have issued `child`; `caBelow` = CA certificates between them and the leaf. */
  private checkLink(
    issuer: ParsedCertificate,
    child: ParsedCertificate,
    at: Date,
    caBelow: number,
  ): PathFailure | null {
    const info = issuer.info;
    if (!info.isCa || (info.keyUsage !== null && !info.keyUsage.keyCertSign)) return "not_a_ca";
    if (info.pathLenConstraint !== null && caBelow > info.pathLenConstraint) return "path_too_long";
    if (info.unhandledCriticalExtensions.length > 0) return "unhandled_critical_extension";
    if (at < info.notBefore || at > info.notAfter) return "ca_not_valid";
    const linkKey = `${child.fingerprint}:${issuer.fingerprint}`;
    if (this.verifiedLinks.has(linkKey)) return null;
    const key = issuer.publicKey();
    if (!key) return "unsupported_algorithm";
    const check = checkSignature({
      signatureOid: child.signatureOid,
      key,
      data: child.tbs,
      signature: child.signature,
    });
    if (check === "unsupported") return "unsupported_algorithm";
    if (check === "invalid") return "bad_ca_signature";
    if (child.info.isCa) {
      if (this.verifiedLinks.size >= LINK_CACHE_LIMIT) this.verifiedLinks.clear();
      this.verifiedLinks.add(linkKey);
    }
    return null;
  }
}
