import forge from "node-forge";
import type { z } from "zod";
import { type Clock, DomainError } from "@/lib/platform/core";
import { fromBinaryString, normaliseSerial } from "../bytes";
import { readCertificate } from "../certificate";
import {
  type CertificationAuthority,
  type IssuedCertificate,
  type IssuedPair,
  type IssuedPublicCertificate,
  type TCertificateHolder,
  type TIssuePairRequest,
  type TrustAnchors,
  ZCertificateHolder,
  ZIssuePairRequest,
} from "../certification-authority";
import { OID } from "../oids";
import type { RevocationReason } from "../revocation-reason";
import type { CaState, CaStore } from "./ca-state";
import {
  type KeyPairGenerator,
  type NameAttributeSpec,
  buildCertificate,
  certificateFromPem,
  generateRsaKeyPair,
  keyIdentifier,
} from "./certificate-builder";
import { buildCrl } from "./crl-builder";
import type { TsaCredentials } from "./tsa";
import { type LeafPurpose, type LeafRequest, leafExtensions, leafSubject } from "./leaf-profile";

/**
 * Sandbox certification authority: root → issuing CA → per person an authentication and a
 * signing certificate, NCA RK style. Created on first use and persisted through a CaStore.
 * Operations are serialised so serial numbers are never reused within a process.
 */

export type SandboxCaOptions = {
  store: CaStore;
  /** Read only when the CA is created, to place the CA validity window. */
  clock: Clock;
  keyGenerator?: KeyPairGenerator;
  /** Put into certificates as the CRL distribution point (where the portal publishes getCrl). */
  crlUrl?: string;
  crlValidityMs?: number;
  /** PBE for the key bag: 3DES (PKCS#12 classic, opens everywhere) or AES-256 (PBES2). */
  pkcs12Algorithm?: "3des" | "aes256";
  /** Default: from 10 years before creation to 20 years after, so back-dated test keys can be issued. */
  caValidity?: { notBefore: Date; notAfter: Date };
  names?: { root: string; issuing: string; tsa?: string };
};

const DEFAULT_NAMES = {
  root: "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ ТҮБІР (RSA) SANDBOX",
  issuing: "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) SANDBOX",
  tsa: "УАҚЫТ БЕЛГІСІ ҚЫЗМЕТІ (TSA) SANDBOX",
};
const YEAR_MS = 365.25 * 24 * 3600_000;

type Loaded = {
  state: CaState;
  rootDer: Uint8Array;
  issuingDer: Uint8Array;
  issuing: forge.pki.Certificate;
  root: forge.pki.Certificate;
};

/** Serials are "4b5a" (KZ) + 12 hex digits of a counter: positive, unique, never leading zero. */
function serialOf(n: number): string {
  return `4b5a${n.toString(16).padStart(12, "0")}`;
}

function parsedOrReject<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new DomainError("pki.invalid_issue_request", { issues });
}

function caName(cn: string): NameAttributeSpec[] {
  return [
    { oid: OID.commonName, value: cn, encoding: "utf8" },
    { oid: OID.country, value: "KZ", encoding: "printable" },
  ];
}

export class SandboxCa implements CertificationAuthority {
  private loaded: Promise<Loaded> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly keys: KeyPairGenerator;

  constructor(private readonly options: SandboxCaOptions) {
    this.keys = options.keyGenerator ?? generateRsaKeyPair;
  }

  /** Run `op` after every earlier operation (one writer at a time). */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const state = (await this.options.store.load()) ?? (await this.create());
      const root = certificateFromPem(state.root.certificatePem);
      const issuing = certificateFromPem(state.issuing.certificatePem);
      return {
        state,
        root: root.certificate,
        rootDer: root.der,
        issuing: issuing.certificate,
        issuingDer: issuing.der,
      };
    })();
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  private async create(): Promise<CaState> {
    const now = this.options.clock.now();
    const validity = this.options.caValidity ?? {
      notBefore: new Date(now.getTime() - 10 * YEAR_MS),
      notAfter: new Date(now.getTime() + 20 * YEAR_MS),
    };
    const names = this.options.names ?? DEFAULT_NAMES;
    const rootKeys = await this.keys();
    const root = buildCertificate({
      serial: serialOf(1),
      subject: caName(names.root),
      publicKeyPem: rootKeys.publicKeyPem,
      ...validity,
      extensions: [
        { name: "basicConstraints", cA: true, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
        { name: "subjectKeyIdentifier" },
      ],
      issuer: null,
      signerPrivateKeyPem: rootKeys.privateKeyPem,
    });
    const issuingKeys = await this.keys();
    const issuing = buildCertificate({
      serial: serialOf(2),
      subject: caName(names.issuing),
      publicKeyPem: issuingKeys.publicKeyPem,
      ...validity,
      extensions: [
        { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
        { name: "subjectKeyIdentifier" },
        { name: "authorityKeyIdentifier", keyIdentifier: keyIdentifier(root.certificate) },
      ],
      issuer: { certificateDer: root.der },
      signerPrivateKeyPem: rootKeys.privateKeyPem,
    });
    const state: CaState = {
      version: 1,
      root: { certificatePem: root.pem, privateKeyPem: rootKeys.privateKeyPem },
      issuing: { certificatePem: issuing.pem, privateKeyPem: issuingKeys.privateKeyPem },
      nextSerial: 3,
      crlNumber: 0,
      issued: [],
      revoked: [],
    };
    await this.options.store.save(state);
    return state;
  }

  private async commit(loaded: Loaded, next: CaState): Promise<void> {
    await this.options.store.save(next);
    loaded.state = next;
  }

  async trustAnchors(): Promise<TrustAnchors> {
    const { state } = await this.load();
    return { anchors: [state.root.certificatePem], intermediates: [state.issuing.certificatePem] };
  }

  /** The leaf certificate of `r` for `publicKeyPem`, signed by the issuing CA (nothing committed). */
  private buildLeaf(loaded: Loaded, r: LeafRequest, purpose: LeafPurpose, serial: string, publicKeyPem: string) {
    if (r.notBefore < loaded.issuing.validity.notBefore || r.notAfter > loaded.issuing.validity.notAfter) {
      throw new DomainError("pki.validity_outside_ca");
    }
    return buildCertificate({
      serial,
      subject: leafSubject(r),
      publicKeyPem,
      notBefore: r.notBefore,
      notAfter: r.notAfter,
      extensions: leafExtensions(r, purpose, keyIdentifier(loaded.issuing), this.options.crlUrl),
      issuer: { certificateDer: loaded.issuingDer },
      signerPrivateKeyPem: loaded.state.issuing.privateKeyPem,
    });
  }

  private async commitIssued(loaded: Loaded, nextSerial: number, certs: readonly IssuedPublicCertificate[]): Promise<void> {
    await this.commit(loaded, {
      ...loaded.state,
      nextSerial,
      issued: [
        ...loaded.state.issued,
        ...certs.map((c) => ({ serial: c.serial, purpose: c.purpose, subject: c.subject, notAfter: c.notAfter.toISOString() })),
      ],
    });
  }

  issuePair(request: TIssuePairRequest): Promise<IssuedPair> {
    return this.exclusive(async () => {
      const r = parsedOrReject(ZIssuePairRequest, request);
      const loaded = await this.load();
      let next = loaded.state.nextSerial;
      const issue = async (purpose: LeafPurpose): Promise<IssuedCertificate & { subject: string }> => {
        const keys = await this.keys();
        const serial = serialOf(next++);
        const built = this.buildLeaf(loaded, r, purpose, serial, keys.publicKeyPem);
        const p12 = forge.pkcs12.toPkcs12Asn1(
          forge.pki.privateKeyFromPem(keys.privateKeyPem),
          [built.certificate, loaded.issuing, loaded.root],
          r.password,
          { algorithm: this.options.pkcs12Algorithm ?? "3des", count: 2048, friendlyName: `${purpose}-${serial}` },
        );
        return {
          purpose,
          serial,
          certificatePem: built.pem,
          pkcs12: fromBinaryString(forge.asn1.toDer(p12).getBytes()),
          notBefore: r.notBefore,
          notAfter: r.notAfter,
          subject: readCertificate(built.der).subject,
        };
      };
      const authentication = await issue("authentication");
      const signing = await issue("signing");
      await this.commitIssued(loaded, next, [authentication, signing]);
      const strip = ({ subject: _subject, ...c }: IssuedCertificate & { subject: string }): IssuedCertificate => c;
      return { subject: signing.subject, authentication: strip(authentication), signing: strip(signing) };
    });
  }

  /**
   * One certificate for a key its holder generated (the public key of a checked CSR): the CA
   * never sees the private key, so there is no PKCS#12 to hand over.
   */
  issueForKey(holder: TCertificateHolder, publicKeyPem: string, purpose: LeafPurpose): Promise<IssuedPublicCertificate> {
    return this.exclusive(async () => {
      const r = parsedOrReject(ZCertificateHolder, holder);
      const loaded = await this.load();
      const serial = serialOf(loaded.state.nextSerial);
      const built = this.buildLeaf(loaded, r, purpose, serial, publicKeyPem);
      const issued: IssuedPublicCertificate = {
        purpose,
        serial,
        certificatePem: built.pem,
        notBefore: r.notBefore,
        notAfter: r.notAfter,
        subject: readCertificate(built.der).subject,
      };
      await this.commitIssued(loaded, loaded.state.nextSerial + 1, [issued]);
      return issued;
    });
  }

  revoke(serial: string, reason: RevocationReason, at: Date): Promise<void> {
    const s = normaliseSerial(serial);
    return this.exclusive(async () => {
      const loaded = await this.load();
      if (!loaded.state.issued.some((c) => c.serial === s)) throw new DomainError("pki.unknown_serial", { serial: s });
      if (loaded.state.revoked.some((c) => c.serial === s)) throw new DomainError("pki.already_revoked", { serial: s });
      await this.commit(loaded, {
        ...loaded.state,
        revoked: [...loaded.state.revoked, { serial: s, revokedAt: at.toISOString(), reason }],
      });
    });
  }

  /**
   * The sandbox TSA's key and certificate, created on first use and kept in the CA state like the
   * CA keys: issued by the issuing CA for the CA's validity window (tokens may be dated as far back
   * as test keys), keyUsage digitalSignature (critical), extendedKeyUsage id-kp-timeStamping only
   * (critical, RFC 3161 2.3), the CRL distribution point of the issuing CA.
   */
  timeStampAuthority(): Promise<TsaCredentials> {
    return this.exclusive(async () => {
      const loaded = await this.load();
      const chainPem = [loaded.state.issuing.certificatePem];
      if (loaded.state.tsa) return { ...loaded.state.tsa, chainPem };
      const keys = await this.keys();
      const serial = serialOf(loaded.state.nextSerial);
      const built = buildCertificate({
        serial,
        subject: caName(this.options.names?.tsa ?? DEFAULT_NAMES.tsa),
        publicKeyPem: keys.publicKeyPem,
        notBefore: loaded.issuing.validity.notBefore,
        notAfter: loaded.issuing.validity.notAfter,
        extensions: [
          { name: "basicConstraints", cA: false },
          { name: "keyUsage", digitalSignature: true, critical: true },
          { name: "extKeyUsage", timeStamping: true, critical: true },
          { name: "subjectKeyIdentifier" },
          { name: "authorityKeyIdentifier", keyIdentifier: keyIdentifier(loaded.issuing) },
          ...(this.options.crlUrl ? [{ name: "cRLDistributionPoints", altNames: [{ type: 6, value: this.options.crlUrl }] }] : []),
        ],
        issuer: { certificateDer: loaded.issuingDer },
        signerPrivateKeyPem: loaded.state.issuing.privateKeyPem,
      });
      const tsa = { certificatePem: built.pem, privateKeyPem: keys.privateKeyPem };
      await this.commit(loaded, { ...loaded.state, tsa, nextSerial: loaded.state.nextSerial + 1 });
      return { ...tsa, chainPem };
    });
  }

  getCrl(now: Date): Promise<Uint8Array> {
    return this.exclusive(async () => {
      const loaded = await this.load();
      const crlNumber = loaded.state.crlNumber + 1;
      const crl = buildCrl({
        issuerCertificateDer: loaded.issuingDer,
        issuerKeyIdentifier: keyIdentifier(loaded.issuing),
        issuerPrivateKeyPem: loaded.state.issuing.privateKeyPem,
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + (this.options.crlValidityMs ?? 24 * 3600_000)),
        crlNumber,
        // A revocation dated in the future is not yet effective at `now`.
        entries: loaded.state.revoked
          .filter((r) => new Date(r.revokedAt) <= now)
          .map((r) => ({ serial: r.serial, revokedAt: new Date(r.revokedAt), reason: r.reason })),
      });
      await this.commit(loaded, { ...loaded.state, crlNumber });
      return crl;
    });
  }
}
