import { buildFormSchema, getService } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { isApplicationPaid } from "@/lib/cases/payments";
import { applicantFormData, checkPaperPackage, packageComplete, paperSlots, readPaperPackage, variantCodeOf, type TPackageCheck } from "./paper-package";
import { paperChannelsFor, scanListBytes, sha256Of } from "./intake-channel";

/** A paper application as the officer may see it: in their scope and of a paper channel (counter, PSC, post); else not found. */
export async function findWalkIn(db: DbOrTx, actor: Actor, applicationId: string) {
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId, channel: { in: paperChannelsFor(actor) } }, applicationScope(actor)] },
    include: { subject: { select: { kind: true } } },
  });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}

/**
 * The walk-in, row-locked until the transaction ends and read again under the lock, so what a
 * concurrent writer committed meanwhile is what the caller checks.
 */
export async function lockWalkIn(tx: DbOrTx, actor: Actor, applicationId: string) {
  const found = await findWalkIn(tx, actor, applicationId);
  await tx.$queryRaw`select id from "Application" where id = ${found.id} for update`;
  return findWalkIn(tx, actor, found.id);
}

/** `lockWalkIn` for a change that only a draft takes (the paper package, the registration). */
export async function lockWalkInDraft(tx: DbOrTx, actor: Actor, applicationId: string) {
  const app = await lockWalkIn(tx, actor, applicationId);
  if (app.status !== "DRAFT") throw new DomainError("intake.already_registered");
  return app;
}

export type TWalkInReadiness = {
  formErrors: Record<string, string>;
  paperPackage: TPackageCheck;
  /** Whether the officer saved the form and the checklist at least once. */
  packageRecorded: boolean;
  paid: boolean;
  /** PSC: whether the operator's EDS signature covers the current scans [004 L645-648]; null elsewhere. */
  scansSigned: boolean | null;
  ready: boolean;
};

/** What still stops the officer from registering a walk-in draft: the form, the paper package and its scans, the fee. */
export async function walkInReadiness(
  db: DbOrTx,
  app: { id: string; serviceCode: string; variant: string; formData: unknown; subject: { kind: string }; channel?: string },
): Promise<TWalkInReadiness> {
  const service = getService(app.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service");
  const parsed = buildFormSchema(service, variantCodeOf(app.variant)).safeParse(applicantFormData(app.formData));
  const formErrors = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message.includes(".") ? i.message : `validation.${i.code}`]));
  const recorded = readPaperPackage(app.formData);
  const scans = await db.document.findMany({ where: { applicationId: app.id, deletedAt: null }, select: { slotKey: true, sha256: true, fileName: true } });
  const slots = paperSlots({ serviceCode: app.serviceCode, variant: app.variant, subjectKind: app.subject.kind });
  const paperPackage = checkPaperPackage(
    slots,
    recorded?.present ?? [],
    [...new Set(scans.map((s) => s.slotKey))],
  );
  const paid = await isApplicationPaid(db, app.id);
  const packageRecorded = recorded !== null;
  let scansSigned: boolean | null = null;
  if (app.channel === "PSC") {
    const digest = sha256Of(scanListBytes(app.id, scans));
    scansSigned = scans.length > 0 && (await db.signature.count({ where: { applicationId: app.id, purpose: "SCAN", contentSha256: digest } })) > 0;
  }
  return {
    formErrors,
    paperPackage,
    packageRecorded,
    paid,
    scansSigned,
    ready: Object.keys(formErrors).length === 0 && packageRecorded && packageComplete(paperPackage) && paid && scansSigned !== false,
  };
}

/** Throws the first reason a walk-in draft cannot be registered, each with its own message. */
export function assertWalkInReady(r: TWalkInReadiness): void {
  if (Object.keys(r.formErrors).length) throw new DomainError("intake.form_incomplete", { fieldErrors: r.formErrors });
  if (!r.packageRecorded || r.paperPackage.notPresent.length) throw new DomainError("intake.paper_missing", { slots: r.paperPackage.notPresent });
  if (r.paperPackage.scannedNotPresent.length) throw new DomainError("intake.scan_without_paper", { slots: r.paperPackage.scannedNotPresent });
  if (r.paperPackage.notScanned.length) throw new DomainError("intake.scans_missing", { slots: r.paperPackage.notScanned });
  // The regulation's refusal "no payment in the E-licensing SDB IS" [001 L256-258].
  if (!r.paid) throw new DomainError("payments.not_paid");
  if (r.scansSigned === false) throw new DomainError("intake.scans_not_signed");
}
