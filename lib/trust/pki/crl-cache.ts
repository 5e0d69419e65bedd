import { DomainError } from "@/lib/platform/core";
import { RevocationSet, type VerifiedCrl, newer, parseCrl } from "./crl";
import type { TrustStore } from "./trust-store";

export type CrlFetcher = (url: string) => Promise<Uint8Array>;

export type CrlCacheOptions = {
  trustStore: TrustStore;
  urls: readonly string[];
  fetch: CrlFetcher;
  /** Real NCA CRLs can exceed the default 1 MiB limit. */
  maxBytes?: number;
};

export type CrlSourceState = {
  url: string;
  crl: VerifiedCrl | null;
  lastError: { at: Date; error: unknown } | null;
};

/**
 * Keeps the latest verified CRL per URL. `revocations(now)` refreshes sources without a CRL
 * or past `nextUpdate` (concurrent callers share one refresh). A failed fetch keeps the old
 * CRL and is recorded in `sources()`; once it is stale, verification reports the revocation
 * status as unavailable instead of guessing.
 */
export class CrlCache {
  private readonly state = new Map<string, CrlSourceState>();
  private snapshot: RevocationSet = RevocationSet.fromCrls([]);
  private inflight: Promise<void> | null = null;

  constructor(private readonly options: CrlCacheOptions) {
    for (const url of options.urls) this.state.set(url, { url, crl: null, lastError: null });
  }

  sources(): readonly CrlSourceState[] {
    return [...this.state.values()];
  }

  /** The current set without refreshing (synchronous). */
  current(): RevocationSet {
    return this.snapshot;
  }

  private stale(now: Date): CrlSourceState[] {
    return [...this.state.values()].filter((s) => !s.crl || now >= s.crl.nextUpdate);
  }

  async revocations(now: Date): Promise<RevocationSet> {
    if (this.stale(now).length > 0) await this.refresh(now);
    return this.snapshot;
  }

  /** Accept CRL bytes obtained elsewhere (e.g. from the sandbox CA); throws pki.crl_invalid. */
  load(url: string, bytes: Uint8Array, now: Date): VerifiedCrl {
    const crl = parseCrl(bytes, this.options.trustStore, now, {
      maxBytes: this.options.maxBytes,
    });
    const s = this.state.get(url) ?? { url, crl: null, lastError: null };
    // Never go back to an older CRL (a replayed one would hide recent revocations).
    if (!s.crl || newer(crl, s.crl)) s.crl = crl;
    s.lastError = null;
    this.state.set(url, s);
    this.snapshot = RevocationSet.fromCrls([...this.state.values()].flatMap((x) => (x.crl ? [x.crl] : [])));
    return crl;
  }

  async refresh(now: Date, options: { force?: boolean } = {}): Promise<void> {
    if (this.inflight) return this.inflight;
    const targets = options.force ? [...this.state.values()] : this.stale(now);
    this.inflight = (async () => {
      await Promise.all(
        targets.map(async (s) => {
          let bytes: Uint8Array;
          try {
            bytes = await this.options.fetch(s.url);
          } catch (error) {
            // A network failure is not a verdict: keep the old CRL and record the error.
            s.lastError = { at: now, error };
            return;
          }
          try {
            this.load(s.url, bytes, now);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            s.lastError = { at: now, error };
          }
        }),
      );
    })();
    try {
      await this.inflight;
    } finally {
      this.inflight = null;
    }
  }
}
