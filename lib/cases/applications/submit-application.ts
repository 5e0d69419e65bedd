import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { verifyAndRecordRequestSignature, type SignatureVerdict } from "@/lib/trust/signatures";
import { systemActor } from "@/lib/platform/auth";
import { assertReissueWindow, getService } from "@/lib/law/catalogue";
import { almatyDate } from "@/lib/platform/i18n";
import { assertReady, readiness } from "./check-ready";
import { contextFor, executeCommandInTx } from "./execute-command";
import { expectedSigner, requestBytesFor } from "./request-bytes";

export type SubmitResult = { ok: true; registrationNumber: string; dueAt: Date } | { ok: false; signature: SignatureVerdict };

/**
 * Sign and submit (conditions 2 and 3, processes 8–9): the draft is locked, checked (form,
 * documents, fee), the signature is verified over the bytes recomputed here, and on success the
 * payment and signature facts and the submission go through the workflow in the same transaction.
 * A rejected signature changes nothing but the audit trail; a second submission (double click,
 * another tab) finds the application no longer a draft.
 */
export async function submitApplication(
  db: Db,
  o: { actor: UserActor; applicationId: string; cms: Uint8Array; now: Date; meta?: RequestMeta },
): Promise<SubmitResult> {
  return db.$transaction(async (tx) => {
    // Lock the row: no save or upload can slip in between the bytes and the verdict.
    const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Application" where id = ${o.applicationId} for update`;
    if (!locked.length) throw new DomainError("errors.not_found");
    const app = await tx.application.findFirst({ where: { id: o.applicationId, subjectId: o.actor.subjectId ?? "-" }, include: { subject: true } });
    if (!app) throw new DomainError("errors.not_found");
    if (app.status !== "DRAFT") throw new DomainError("applications.already_submitted");
    if (app.channel !== "PORTAL") throw new DomainError("applications.not_editable");
    assertReady(await readiness(tx, app));
    // Reissue within 30 calendar days of the change [004 L2533-2537, L7791-7794].
    assertReissueWindow(getService(app.serviceCode)!, app.variant, app.formData, almatyDate(o.now));

    const verdict = await verifyAndRecordRequestSignature(tx, {
      actor: o.actor,
      applicationId: app.id,
      cms: o.cms,
      contentBytes: await requestBytesFor(tx, app),
      expected: expectedSigner(app.subject),
      now: o.now,
      meta: o.meta,
    });
    if (verdict.status !== "valid") return { ok: false, signature: verdict };

    const system = systemActor("portal");
    // Free services have no payment; a paid fee was checked by readiness() above.
    const payment = await tx.payment.findFirst({ where: { applicationId: app.id, status: "PAID" }, orderBy: { paidAt: "desc" } });
    // One load for the three commands (the application is locked and checked above).
    const { subject: _subject, ...appRow } = app;
    let context = await contextFor(tx, appRow, o.now);
    if (payment) {
      ({ context } = await executeCommandInTx(
        tx,
        { actor: system, applicationId: app.id, command: { type: "payment_confirmed", paymentRef: payment.paymentCode }, now: o.now, meta: o.meta },
        context,
      ));
    }
    ({ context } = await executeCommandInTx(
      tx,
      { actor: system, applicationId: app.id, command: { type: "signature_verified", signatureRef: verdict.signatureId }, now: o.now, meta: o.meta },
      context,
    ));
    const { application } = await executeCommandInTx(tx, { actor: o.actor, applicationId: app.id, command: { type: "submit" }, now: o.now, meta: o.meta }, context);
    await tx.signature.update({ where: { id: verdict.signatureId! }, data: { applicationId: app.id } });
    return { ok: true, registrationNumber: application.registrationNumber!, dueAt: application.dueAt! };
  });
}
