import { createHash } from "node:crypto";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import {
  REVOCATION_REASONS,
  type RevocationChecker,
  type RevocationEntry,
  type RevocationReason,
  RevocationSet,
  type TrustAnchors,
  TrustStore,
  type VerifiedCrl,
  parseCrl,
} from "@/lib/trust/pki/server";
import { DbSandboxCa } from "./sandbox-ca";

/**
 * What every signature verification in the portal needs: the trust store (sandbox root +
 * issuing CA) and the revocation status. Built once and kept in the process; each call costs
 * one small query (revocation count and latest revocation) that tells whether a revocation was
 * recorded since, in this process or any other. Rebuilt also hourly (a fresh CRL) and when
 * `now` leaves the CRL's window.
 */

export type PublishedCrl = { der: Uint8Array; thisUpdate: Date; nextUpdate: Date; crlNumber: bigint | null };

export type VerificationContext = {
  trustStore: TrustStore;
  revocations: RevocationChecker;
  /** The signed CRL the context was built from; also what /api/pki/crl serves. */
  crl: PublishedCrl;
};

/** A CRL is re-signed at least this often, so the served CRL stays recent. */
const REFRESH_MS = 60 * 60_000;
/** parseCrl's tolerance for a thisUpdate slightly ahead of `now`. */
const SKEW_MS = 5 * 60_000;

type Entry = { key: string; anchorsKey: string; ctx: VerificationContext };

let cache: Entry | null = null;
let inflight: Promise<Entry> | null = null;

/** The change check's columns (REVOCATION_STAMP_SQL). */
export type RevocationStampRow = { revCount: number; revMax: Date | null };

/**
 * Changes whenever a revocation is recorded. Only the small CertificateRevocation table is
 * read: every revocation of this module writes it together with the CA state, while the CA
 * state itself changes with each CRL (another process's hourly CRL must not invalidate this
 * cache) and grows with every issued certificate. The CA itself is re-read on each rebuild.
 */
async function changeKey(db: DbOrTx): Promise<string> {
  const rows = await db.$queryRaw<RevocationStampRow[]>`SELECT ${REVOCATION_STAMP_SQL}`;
  return revocationStamp(rows[0]);
}

/**
 * The columns "revCount" and "revMax" of the change check, for a caller that reads them within one
 * of its own statements (issue 14: one round trip less per submission) and passes the row to
 * `getVerificationContext` as `stamp`.
 */
export const REVOCATION_STAMP_SQL = Prisma.sql`
  (SELECT count(*)::int FROM "CertificateRevocation") AS "revCount",
  (SELECT max("createdAt") FROM "CertificateRevocation") AS "revMax"`;

function revocationStamp(r: RevocationStampRow | undefined): string {
  return `${r?.revCount ?? 0}|${r?.revMax ? new Date(r.revMax).toISOString() : "-"}`;
}

function fresh(ctx: VerificationContext, now: Date): boolean {
  const t = now.getTime();
  return (
    t >= ctx.crl.thisUpdate.getTime() - SKEW_MS &&
    t < ctx.crl.thisUpdate.getTime() + REFRESH_MS &&
    t < ctx.crl.nextUpdate.getTime()
  );
}

function anchorsKeyOf(a: TrustAnchors): string {
  return createHash("sha256")
    .update([...a.anchors, "|", ...a.intermediates].join("\n"))
    .digest("hex");
}

function reasonOf(value: string): RevocationReason {
  return value in REVOCATION_REASONS ? (value as RevocationReason) : "unspecified";
}

/** Serials compared as lowercase hex without leading zero bytes (as lib/trust/pki does). */
function normaliseSerial(hex: string): string {
  const h = hex.toLowerCase().replace(/[^0-9a-f]/g, "").replace(/^(00)+/, "");
  return h === "" ? "00" : h.length % 2 === 1 ? `0${h}` : h;
}

async function build(db: DbOrTx, now: Date, previous: Entry | null): Promise<Entry> {
  const ca = new DbSandboxCa(db, { now });
  const loaded = await ca.locked(async (locked, tx) => ({
    anchors: await locked.trustAnchors(),
    der: await locked.getCrl(now),
    // Read under the CA lock: revocations commit with that lock held, so this key matches the CRL.
    key: await changeKey(tx),
    rows: await tx.certificateRevocation.findMany({ select: { serial: true, revokedAt: true, reason: true } }),
  }));
  const anchorsKey = anchorsKeyOf(loaded.anchors);
  // Reusing the trust store keeps its parsed-certificate and verified-link caches warm.
  const trustStore =
    previous && previous.anchorsKey === anchorsKey ? previous.ctx.trustStore : TrustStore.from(loaded.anchors);
  const signed = parseCrl(loaded.der, trustStore, now);
  // The CA state and the CertificateRevocation table are written in one transaction; a row
  // present only in the table (e.g. restored from a backup) still counts as revoked.
  const entries = new Map<string, RevocationEntry>(signed.entries);
  for (const r of loaded.rows) {
    const serial = normaliseSerial(r.serial);
    if (!entries.has(serial)) entries.set(serial, { revokedAt: r.revokedAt, reason: reasonOf(r.reason) });
  }
  const merged: VerifiedCrl = { ...signed, entries };
  const entry: Entry = {
    key: loaded.key,
    anchorsKey,
    ctx: {
      trustStore,
      revocations: RevocationSet.fromCrls([merged]),
      crl: { der: loaded.der, thisUpdate: signed.thisUpdate, nextUpdate: signed.nextUpdate, crlNumber: signed.crlNumber },
    },
  };
  cache = entry;
  return entry;
}

/**
 * Trust store and revocation status for verifying at `now`. Pass the root client when you can:
 * a rebuild (after a revocation, hourly, or when `now` leaves the CRL's window) signs a new CRL
 * under the CA row lock, inside the given transaction when `db` is one. `stamp`: the
 * REVOCATION_STAMP_SQL columns the caller has just read in its transaction (one query less).
 */
export async function getVerificationContext(db: DbOrTx, now: Date, o: { stamp?: RevocationStampRow } = {}): Promise<VerificationContext> {
  const key = o.stamp ? revocationStamp(o.stamp) : await changeKey(db);
  if (cache && cache.key === key && fresh(cache.ctx, now)) return cache.ctx;
  if (inflight) {
    const shared = await inflight.catch(() => null);
    if (shared && shared.key === key && fresh(shared.ctx, now)) return shared.ctx;
  }
  const run = build(db, now, cache);
  inflight = run;
  try {
    return (await run).ctx;
  } finally {
    if (inflight === run) inflight = null;
  }
}

/** The current CRL (DER) of the sandbox issuing CA: the one verification uses. */
export async function getCurrentCrl(db: DbOrTx, now: Date): Promise<PublishedCrl> {
  return (await getVerificationContext(db, now)).crl;
}

/** Drops the in-process context (the next call rebuilds). The change check makes this optional. */
export function invalidateVerificationContext(): void {
  cache = null;
}
