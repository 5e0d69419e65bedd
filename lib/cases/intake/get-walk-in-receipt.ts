import { getService, type TI18n, type TVariantCode } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Role } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { paperSlots, readPaperPackage, variantCodeOf } from "./paper-package";
import { applicantView, type TIntakeApplicantView } from "./applicant-view";
import { paperChannelsFor } from "./intake-channel";

export type TWalkInReceipt = {
  applicationId: string;
  registrationNumber: string;
  /** When the documents were registered (shown in Almaty time). */
  registeredAt: Date;
  /** The standard's term: the result is ready by then. */
  readyBy: Date | null;
  service: { code: string; title: TI18n; variant: TVariantCode };
  organisation: { name: TI18n; address: TI18n | null; phone: string | null };
  applicant: TIntakeApplicantView;
  representative: { fullName: string; iin: string; poaNumber: string | null; poaDate: Date | null; notarised: boolean } | null;
  /** The paper documents accepted, in catalogue order, with the number of scanned files of each. */
  documents: { key: string; label: TI18n; scans: number }[];
  fee: { receiptNumber: string | null; amountKzt: number; paidAt: Date | null; paymentCode: string } | null;
  /** The officer who registered the documents (else the one who started the intake). */
  officer: { name: string; position: string | null; role: Role } | null;
};

function fullName(u: { surname: string; givenName: string; patronymic: string | null }): string {
  return [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" ");
}

/**
 * The registration receipt handed to a walk-in applicant: number, date and time, service,
 * applicant and representative, the documents accepted, the officer, the ready-by date. Only for a
 * registered walk-in application in the actor's scope (a draft has no receipt yet).
 */
export async function getWalkInReceipt(db: DbOrTx, input: { actor: Actor; applicationId: string }): Promise<TWalkInReceipt> {
  const app = await db.application.findFirst({
    where: { AND: [{ id: input.applicationId, channel: { in: paperChannelsFor(input.actor) } }, applicationScope(input.actor)] },
    include: {
      organisation: true,
      psc: true,
      subject: true,
      representative: true,
      intakeOfficer: { select: { surname: true, givenName: true, patronymic: true, position: true, role: true } },
      steps: {
        where: { stepKey: "register", completedAt: { not: null } },
        orderBy: { seq: "asc" },
        take: 1,
        include: { completedBy: { select: { surname: true, givenName: true, patronymic: true, position: true, role: true } } },
      },
      documents: { where: { deletedAt: null }, select: { slotKey: true } },
      payments: { where: { status: "PAID" }, orderBy: { paidAt: "desc" }, take: 1 },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  if (app.status === "DRAFT" || !app.registrationNumber) throw new DomainError("intake.not_registered");
  const service = getService(app.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service");

  const present = new Set(readPaperPackage(app.formData)?.present ?? []);
  const scans = new Map<string, number>();
  for (const d of app.documents) scans.set(d.slotKey, (scans.get(d.slotKey) ?? 0) + 1);
  const documents = paperSlots({ serviceCode: app.serviceCode, variant: app.variant, subjectKind: app.subject.kind })
    .filter((s) => present.has(s.key))
    .map((s) => ({ key: s.key, label: s.label, scans: scans.get(s.key) ?? 0 }));

  // A PSC's receipt names the centre and its operator, with the day of acceptance [004 L736-744].
  const o = app.psc ?? app.organisation;
  const officerRow = app.psc ? app.intakeOfficer : (app.steps[0]?.completedBy ?? app.intakeOfficer);
  const payment = app.payments[0];
  const r = app.representative;
  return {
    applicationId: app.id,
    registrationNumber: app.registrationNumber,
    registeredAt: app.pscAcceptedAt ?? app.registeredAt ?? app.submittedAt ?? app.updatedAt,
    readyBy: app.dueAt,
    service: { code: service.code, title: service.title, variant: variantCodeOf(app.variant) },
    organisation: {
      name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn },
      address: o.addressKk && o.addressRu && o.addressEn ? { kk: o.addressKk, ru: o.addressRu, en: o.addressEn } : null,
      phone: o.phone,
    },
    applicant: applicantView(app),
    representative: r ? { fullName: r.fullName, iin: r.iin, poaNumber: r.poaNumber, poaDate: r.poaDate, notarised: r.poaNotarised } : null,
    documents,
    fee: payment ? { receiptNumber: payment.receiptNumber, amountKzt: payment.amountKzt, paidAt: payment.paidAt, paymentCode: payment.paymentCode } : null,
    officer: officerRow ? { name: fullName(officerRow), position: officerRow.position, role: officerRow.role } : null,
  };
}
