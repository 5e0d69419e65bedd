import { fixedClock } from "@/lib/platform/core";
import type { DbOrTx, Tx } from "@/lib/platform/db";
import {
  type CertificationAuthority,
  type IssuedPair,
  type IssuedPublicCertificate,
  type KeyPairGenerator,
  type RevocationReason,
  SandboxCa,
  SandboxTsa,
  type TCertificateHolder,
  type TIssuePairRequest,
  type TrustAnchors,
} from "@/lib/trust/pki/server";
import { sandboxCrlUrl } from "./config";
import { DbCaStore } from "./db-ca-store";
import { inCaTransaction as inTransaction } from "./tx";

/**
 * The portal's sandbox CA over the database. Every operation runs in a transaction that holds
 * the CA row lock (DbCaStore with `lock: true`) and uses a SandboxCa built for that transaction
 * only, so it always starts from the committed state: serials stay unique across processes,
 * and a revocation commits together with the caller's other writes.
 */

export type SandboxCaConfig = {
  /** Only read when the CA is created (places the CA validity window). */
  now: Date;
  /** Default: `${PUBLIC_BASE_URL ?? NEXTAUTH_URL ?? "http://localhost:3000"}/api/pki/crl`. */
  crlUrl?: string;
  /** Tests pass a pool of pre-generated keys. */
  keyGenerator?: KeyPairGenerator;
  /** Validity of each CRL the CA signs (default 24 h). */
  crlValidityMs?: number;
};

export class DbSandboxCa implements CertificationAuthority {
  readonly crlUrl: string;

  constructor(
    private readonly db: DbOrTx,
    private readonly config: SandboxCaConfig,
  ) {
    this.crlUrl = config.crlUrl ?? sandboxCrlUrl();
  }

  /** Runs `fn` with the CA row locked (in the caller's transaction when `db` is one). */
  locked<T>(fn: (ca: SandboxCa, tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (tx) => fn(this.caFor(tx), tx));
  }

  /** A SandboxCa over a locked store of `tx`; valid for that transaction only. */
  caFor(tx: Tx): SandboxCa {
    return new SandboxCa({
      store: new DbCaStore(tx, { lock: true }),
      clock: fixedClock(this.config.now),
      crlUrl: this.crlUrl,
      keyGenerator: this.config.keyGenerator,
      crlValidityMs: this.config.crlValidityMs,
    });
  }

  async trustAnchors(): Promise<TrustAnchors> {
    // Reading needs no lock once the CA exists.
    const state = await new DbCaStore(this.db).load();
    if (state) return { anchors: [state.root.certificatePem], intermediates: [state.issuing.certificatePem] };
    return this.locked((ca) => ca.trustAnchors());
  }

  issuePair(request: TIssuePairRequest): Promise<IssuedPair> {
    return this.locked((ca) => ca.issuePair(request));
  }

  issueForKey(holder: TCertificateHolder, publicKeyPem: string, purpose: "signing" | "authentication"): Promise<IssuedPublicCertificate> {
    return this.locked((ca) => ca.issueForKey(holder, publicKeyPem, purpose));
  }

  revoke(serial: string, reason: RevocationReason, at: Date): Promise<void> {
    return this.locked((ca) => ca.revoke(serial, reason, at));
  }

  getCrl(now: Date): Promise<Uint8Array> {
    return this.locked((ca) => ca.getCrl(now));
  }

  /** The sandbox TSA (RFC 3161), its key and certificate created with the CA row locked on first use. */
  async timeStampAuthority(): Promise<SandboxTsa> {
    const state = await new DbCaStore(this.db).load();
    if (state?.tsa) return new SandboxTsa({ ...state.tsa, chainPem: [state.issuing.certificatePem] });
    return new SandboxTsa(await this.locked((ca) => ca.timeStampAuthority()));
  }
}

/** The sandbox CA, created (root + issuing CA) and persisted on first use. */
export async function getSandboxCa(db: DbOrTx, config: SandboxCaConfig): Promise<DbSandboxCa> {
  const ca = new DbSandboxCa(db, config);
  await ca.trustAnchors();
  return ca;
}
