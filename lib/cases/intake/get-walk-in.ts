import {
  feeFor,
  formDefinition,
  getService,
  type TDocumentSlot,
  type TFieldDescriptor,
  type TFeeQuote,
  type TService,
  type TVariantCode,
} from "@/lib/law/catalogue";
import { DomainError, isDomainError } from "@/lib/platform/core";
import type { ApplicationStatus, DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { documentViewSelect, type TDocumentView } from "@/lib/cases/documents";
import { applicantFormData, paperSlots, readPaperPackage, variantCodeOf } from "./paper-package";
import { applicantView, type TIntakeApplicantView } from "./applicant-view";
import { walkInReadiness, type TWalkInReadiness } from "./walk-in-readiness";
import { paperChannelsFor, scanListBytes, type TPaperChannel } from "./intake-channel";

export type TWalkInView = {
  id: string;
  status: ApplicationStatus;
  registrationNumber: string | null;
  channel: TPaperChannel;
  /** Channel POST: the day the letter arrived; whether the reply goes by post. */
  receivedByPostOn: string | null;
  replyByPost: boolean;
  /** Channel PSC: the bytes the operator signs (base64), covering the current scans [004 L645-648]. */
  scanListBase64: string | null;
  service: TService;
  variant: TVariantCode;
  organisationId: string;
  applicant: TIntakeApplicantView;
  representative: { fullName: string; iin: string; poaNumber: string | null; poaDate: Date | null } | null;
  fields: readonly TFieldDescriptor[];
  /** The applicant's answers (without the paper package). */
  formData: Record<string, unknown>;
  paperSlots: readonly TDocumentSlot[];
  present: string[];
  documents: TDocumentView[];
  /** The fee due today, or null when the service variant is free (or the year's MCI is not configured). */
  fee: { amountKzt: number; mci: number } | null;
  feeRequired: boolean;
  payment: { receiptNumber: string | null; amountKzt: number; paidAt: Date | null; paymentCode: string; channel: string } | null;
  readiness: TWalkInReadiness;
  intakeOfficerId: string | null;
};

function quote(service: TService, variant: TVariantCode, now: Date): { required: boolean; fee: { amountKzt: number; mci: number } | null } {
  const required = service.fee.kind !== "free" && (service.fee.mci[variant] ?? 0) > 0;
  if (!required) return { required, fee: null };
  let q: TFeeQuote;
  try {
    q = feeFor(service, variant, now);
  } catch (e) {
    if (isDomainError(e)) return { required, fee: null };
    throw e;
  }
  return { required, fee: q.free ? null : { amountKzt: q.amountKzt, mci: q.mci } };
}

/** Everything the intake page shows about one walk-in application (scoped; a portal application is not found). */
export async function getWalkIn(db: DbOrTx, input: { actor: Actor; applicationId: string; now: Date }): Promise<TWalkInView> {
  const app = await db.application.findFirst({
    where: { AND: [{ id: input.applicationId, channel: { in: paperChannelsFor(input.actor) } }, applicationScope(input.actor)] },
    include: {
      subject: true,
      representative: true,
      documents: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: documentViewSelect },
      payments: { where: { status: "PAID" }, orderBy: { paidAt: "desc" }, take: 1 },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  const service = getService(app.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service");
  const variant = variantCodeOf(app.variant);
  const { required, fee } = quote(service, variant, input.now);
  const p = app.payments[0];
  const r = app.representative;
  return {
    id: app.id,
    status: app.status,
    registrationNumber: app.registrationNumber,
    channel: app.channel as TPaperChannel,
    receivedByPostOn: app.receivedByPostOn?.toISOString().slice(0, 10) ?? null,
    replyByPost: app.replyByPost,
    scanListBase64: app.channel === "PSC" ? Buffer.from(scanListBytes(app.id, app.documents)).toString("base64") : null,
    service,
    variant,
    organisationId: app.organisationId,
    applicant: applicantView(app),
    representative: r ? { fullName: r.fullName, iin: r.iin, poaNumber: r.poaNumber, poaDate: r.poaDate } : null,
    fields: formDefinition(service, variant),
    formData: applicantFormData(app.formData),
    paperSlots: paperSlots({ serviceCode: app.serviceCode, variant: app.variant, subjectKind: app.subject.kind }),
    present: readPaperPackage(app.formData)?.present ?? [],
    documents: app.documents,
    fee,
    feeRequired: required,
    payment: p ? { receiptNumber: p.receiptNumber, amountKzt: p.amountKzt, paidAt: p.paidAt, paymentCode: p.paymentCode, channel: p.channel } : null,
    readiness: await walkInReadiness(db, app),
    intakeOfficerId: app.intakeOfficerId,
  };
}

export type TWalkInDraftRow = { id: string; applicantName: string; applicantIdentifier: string; serviceCode: string; variant: TVariantCode; createdAt: Date };

/** Walk-in drafts of the officer's organisation not registered yet, newest first (to come back to an unfinished intake). */
export async function listWalkInDrafts(db: DbOrTx, actor: Actor, take = 20): Promise<TWalkInDraftRow[]> {
  const rows = await db.application.findMany({
    where: { AND: [{ channel: { in: paperChannelsFor(actor) }, status: "DRAFT" }, applicationScope(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, applicantName: true, applicantIdentifier: true, serviceCode: true, variant: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, variant: variantCodeOf(r.variant) }));
}
