import { DomainError } from "@/lib/platform/core";
import type { Db, DbOrTx } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { verifyAndRecordScanSignature, type SignatureVerdict } from "@/lib/trust/signatures";
import { scanListBytes } from "./intake-channel";
import { findWalkIn, lockWalkIn } from "./walk-in-readiness";

/** The bytes the operator signs: the package's current scans (none: nothing to sign yet). */
async function scanListOf(db: DbOrTx, applicationId: string): Promise<Uint8Array> {
  const scans = await db.document.findMany({ where: { applicationId, deletedAt: null }, select: { slotKey: true, sha256: true, fileName: true } });
  if (scans.length === 0) throw new DomainError("intake.scans_missing", { slots: [] });
  return scanListBytes(applicationId, scans);
}

/**
 * The scan list as it is now, for the operator to sign. Fetched at the moment of signing, not with
 * the page: a scan uploaded a moment earlier must be in the bytes the server will re-compute.
 */
export async function currentScanList(db: Db, input: { actor: UserActor; applicationId: string }): Promise<Uint8Array> {
  assertCan(input.actor, "application.intake");
  const found = await findWalkIn(db, input.actor, input.applicationId);
  if (found.channel !== "PSC") throw new DomainError("errors.not_found");
  return scanListOf(db, found.id);
}

/**
 * The PSC operator certifies the scans of the paper package with their EDS [004 L645-648]: the
 * server re-computes the scan list (slot, SHA-256, file name of every scan) and verifies the
 * detached signature over it; a valid one is stored (purpose SCAN) and audited, a refused one only
 * audited. A later change of the scans leaves the package unsigned again (see `walkInReadiness`).
 */
export async function signPackageScans(db: Db, input: { actor: UserActor; applicationId: string; cms: Uint8Array; now: Date; meta?: RequestMeta }): Promise<SignatureVerdict> {
  assertCan(input.actor, "application.intake");
  return db.$transaction(async (tx) => {
    const found = await lockWalkIn(tx, input.actor, input.applicationId);
    if (found.channel !== "PSC") throw new DomainError("errors.not_found");
    if (found.status !== "DRAFT") throw new DomainError("intake.already_registered");
    const contentBytes = await scanListOf(tx, found.id);
    return verifyAndRecordScanSignature(tx, { actor: input.actor, applicationId: found.id, cms: input.cms, contentBytes, now: input.now, meta: input.meta });
  });
}
