import { DomainError } from "@/lib/platform/core";
import type { Application, Db, Tx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { auditBatch, type RequestMeta } from "@/lib/platform/audit";
import { verifyAndRecordRequestSignature, type SignatureVerdict } from "@/lib/trust/signatures";
import { getVerificationContext, REVOCATION_STAMP_SQL, type RevocationStampRow } from "@/lib/trust/certificates";
import { systemActor } from "@/lib/platform/auth";
import { assertReissueWindow, getService } from "@/lib/law/catalogue";
import { almatyDate } from "@/lib/platform/i18n";
import { assertReady, readiness } from "./check-ready";
import { contextFor, executeCommandBatchInTx, type ExecuteCommandOptions } from "./execute-command";
import { expectedSigner, requestBytesFor, type CurrentDocument } from "./request-bytes";

export type SubmitResult = { ok: true; registrationNumber: string; dueAt: Date } | { ok: false; signature: SignatureVerdict };

type SubjectKind = "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL";
type LockedDraft = Application & { subjectKind: SubjectKind; subjectIdentifier: string };

/**
 * Locks the application row and reads it with its applicant's kind and identifier, in one
 * statement: no save or upload can slip in between the bytes and the verdict.
 */
async function lockWithSubject(tx: Tx, applicationId: string): Promise<LockedDraft | undefined> {
  const [row] = await tx.$queryRaw<LockedDraft[]>`
    SELECT a.*, s."kind"::text AS "subjectKind", s."identifier" AS "subjectIdentifier"
    FROM "Application" a JOIN "Subject" s ON s."id" = a."subjectId"
    WHERE a."id" = ${applicationId}
    FOR UPDATE OF a`;
  return row;
}

/**
 * The draft's live attachments (for the readiness check and the signed bytes) and its PAID
 * payment (for the readiness check and the payment fact), read once after the lock is held, so
 * they are as current as the row.
 */
type SubmissionFacts = { documents: CurrentDocument[]; paymentCode: string | null } & RevocationStampRow;
async function readSubmissionFacts(tx: Tx, applicationId: string): Promise<SubmissionFacts> {
  // With the revocation check's stamp (lib/trust/certificates): one round trip less (issue 14).
  const [facts] = await tx.$queryRaw<SubmissionFacts[]>`
    SELECT ${REVOCATION_STAMP_SQL},
      (SELECT coalesce(json_agg(json_build_object('slotKey', d."slotKey", 'sha256', d."sha256") ORDER BY d."slotKey", d."sha256"), '[]'::json)
         FROM "Document" d WHERE d."applicationId" = ${applicationId} AND d."deletedAt" IS NULL) AS "documents",
      (SELECT p."paymentCode" FROM "Payment" p WHERE p."applicationId" = ${applicationId} AND p."status" = 'PAID'
         ORDER BY p."paidAt" DESC LIMIT 1) AS "paymentCode"`;
  return facts!;
}

/**
 * Sign and submit (conditions 2 and 3, processes 8–9): the draft is locked, checked (form,
 * documents, fee), the signature is verified over the bytes recomputed here, and on success the
 * payment and signature facts and the submission go through the workflow in the same transaction,
 * as one batch (one write of the application, issue 14). A rejected signature changes nothing but
 * the audit trail; a second submission (double click, another tab) finds the application no
 * longer a draft.
 */
export async function submitApplication(
  db: Db,
  o: { actor: UserActor; applicationId: string; cms: Uint8Array; now: Date; meta?: RequestMeta },
): Promise<SubmitResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockWithSubject(tx, o.applicationId);
    if (!locked || locked.subjectId !== (o.actor.subjectId ?? "-")) throw new DomainError("errors.not_found");
    const { subjectKind, subjectIdentifier, ...app } = locked;
    const subject = { kind: subjectKind, identifier: subjectIdentifier };
    if (app.status !== "DRAFT") throw new DomainError("applications.already_submitted");
    if (app.channel !== "PORTAL") throw new DomainError("applications.not_editable");
    const { documents, paymentCode, ...revocations } = await readSubmissionFacts(tx, app.id);
    assertReady(await readiness(tx, { ...app, subject }, { documentSlots: documents.map((d) => d.slotKey), hasPaidPayment: paymentCode !== null }));
    // Reissue within 30 calendar days of the change [004 L2533-2537, L7791-7794].
    assertReissueWindow(getService(app.serviceCode)!, app.variant, app.formData, almatyDate(o.now));

    // The verdict's audit row and the three commands' rows are written together at the end.
    return auditBatch(tx, async (): Promise<SubmitResult> => {
      const verdict = await verifyAndRecordRequestSignature(tx, {
        actor: o.actor,
        applicationId: app.id,
        scopedOrganisationId: app.organisationId,
        cms: o.cms,
        contentBytes: await requestBytesFor(tx, { ...app, subject }, documents),
        expected: expectedSigner(subject),
        context: await getVerificationContext(tx, o.now, { stamp: revocations }),
        now: o.now,
        meta: o.meta,
      });
      if (verdict.status !== "valid") return { ok: false, signature: verdict };

      const system = systemActor("portal");
      const common = { applicationId: app.id, now: o.now, meta: o.meta };
      // Free services have no payment; a paid fee was checked by readiness() above. The Signature
      // row already names the application (lib/trust/signatures), so there is nothing to link.
      const commands: ExecuteCommandOptions[] = [
        ...(paymentCode ? [{ ...common, actor: system, command: { type: "payment_confirmed" as const, paymentRef: paymentCode } }] : []),
        { ...common, actor: system, command: { type: "signature_verified", signatureRef: verdict.signatureId } },
        { ...common, actor: o.actor, command: { type: "submit" } },
      ];
      const results = await executeCommandBatchInTx(tx, commands, await contextFor(tx, app, o.now));
      const { application } = results.at(-1)!;
      return { ok: true, registrationNumber: application.registrationNumber!, dueAt: application.dueAt! };
    });
  });
}
