import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { verifyAndRecordScanSignature, type SignatureVerdict } from "@/lib/trust/signatures";
import { scanListBytes } from "./intake-channel";
import { lockWalkIn } from "./walk-in-readiness";

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
    const scans = await tx.document.findMany({ where: { applicationId: found.id, deletedAt: null }, select: { slotKey: true, sha256: true, fileName: true } });
    if (scans.length === 0) throw new DomainError("intake.scans_missing", { slots: [] });
    return verifyAndRecordScanSignature(tx, { actor: input.actor, applicationId: found.id, cms: input.cms, contentBytes: scanListBytes(found.id, scans), now: input.now, meta: input.meta });
  });
}
