import { DomainError } from "@/lib/platform/core";
import type { Application, Tx } from "@/lib/platform/db";
import { ZDecision } from "@/lib/law/workflow";
import { generateLicenceNumber, loadLicenceRecord, nextAnnexNumber, subtypesInCatalogueOrder, type TLicenceRecord } from "@/lib/cases/licences";

/** What an application's result is, by variant (as lib/cases/licences issues it). */
export type ResultKind = "issue" | "reissue" | "duplicate" | "annex";

export function resultKindOf(variant: Application["variant"]): ResultKind {
  if (variant === "REISSUE" || variant === "REREGISTRATION") return "reissue";
  if (variant === "DUPLICATE") return "duplicate";
  if (variant === "ANNEX") return "annex";
  return "issue";
}

/** Printed instead of a number on a preview of a draft before any number was reserved. */
export const PREVIEW_NUMBER = "—";

/** The original of a duplicate: who signed it, and its signed PDF when the register keeps one. */
export type OriginalOfDuplicate = { signerName: string | null; signedAt: Date | null; pdf: Uint8Array | null };

export type PendingDocument = { kind: ResultKind; record: TLicenceRecord; original: OriginalOfDuplicate | null };

type AppForDocument = Pick<Application, "id" | "serviceCode" | "variant" | "organisationId" | "subjectId" | "baseLicenceId" | "formData" | "decision">;

/**
 * The licence document the head is about to sign, assembled from the application before the
 * licence exists, exactly as `issueLicence` will write it in the signing step (the issue-licence
 * effect passes the drafted sub-types, else the requested ones). `reservedNumber`: the number kept
 * from an earlier preparation; otherwise a new one is taken now (licence or annex number), except for
 * a `preview`, which writes nothing and prints `PREVIEW_NUMBER`.
 */
export async function pendingDocument(
  tx: Tx,
  app: AppForDocument,
  o: { reservedNumber: string | null; now: Date; signer: { name: string }; preview?: boolean },
): Promise<PendingDocument & { reservedNumber: string | null }> {
  // A preview takes no number: it prints the reserved one, if any, else a placeholder.
  const take = (next: () => Promise<string>) => (o.reservedNumber ? Promise.resolve(o.reservedNumber) : o.preview ? Promise.resolve(PREVIEW_NUMBER) : next());
  const decision = ZDecision.safeParse(app.decision);
  if (!decision.success || decision.data.kind !== "licence") throw new DomainError("workflow.step_out_of_order", { reason: "nothing_to_sign" });
  const requested = (app.formData as { activitySubtypes?: string[] } | null)?.activitySubtypes ?? [];
  const codes = decision.data.subtypes?.length ? decision.data.subtypes : requested;
  const kind = resultKindOf(app.variant);
  const signer = { name: o.signer.name, signedAt: o.now };

  if (kind === "issue" || kind === "reissue") {
    const [org, subject, service] = await Promise.all([
      tx.organisation.findUniqueOrThrow({ where: { id: app.organisationId } }),
      tx.subject.findUniqueOrThrow({ where: { id: app.subjectId } }),
      tx.service.findUniqueOrThrow({ where: { code: app.serviceCode }, select: { kind: true, titleKk: true, titleRu: true, titleEn: true } }),
    ]);
    const base = kind === "reissue" ? await baseRecord(tx, app) : null;
    const reservedNumber = await take(() => generateLicenceNumber(tx, { organisation: org, now: o.now }));
    const subtypes = subtypesInCatalogueOrder(app.serviceCode, base && codes.length === 0 ? base.subtypes : codes);
    if (subtypes.length === 0) throw new DomainError("licences.subtypes_required");
    const record: TLicenceRecord = {
      number: reservedNumber,
      versionNo: base ? base.versionNo + 1 : 1,
      previousNumber: base?.number ?? null,
      issuedAt: o.now,
      validFrom: o.now,
      validTo: base ? base.validTo : null,
      subtypes,
      annexNumbers: [],
      tacit: false,
      serviceCode: app.serviceCode,
      service,
      organisation: org,
      holder: { name: subject.name, identifier: subject.identifier, kind: subject.kind, legalAddress: subject.legalAddress },
      signer,
      duplicate: null,
    };
    return { kind, record, original: null, reservedNumber };
  }

  const base = await baseRecord(tx, app);
  if (kind === "duplicate") {
    const latest = await tx.licenceDocument.findFirst({
      where: { licenceId: base.id, duplicateId: null },
      orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
      select: { pdf: true },
    });
    const original = { signerName: base.signer?.name ?? null, signedAt: base.signer?.signedAt ?? null, pdf: latest ? new Uint8Array(latest.pdf) : null };
    return { kind, record: { ...base, signer, duplicate: { issuedAt: o.now } }, original, reservedNumber: null };
  }
  const added = subtypesInCatalogueOrder(app.serviceCode, codes).filter((c) => !base.subtypes.includes(c));
  if (added.length === 0) throw new DomainError("licences.annex_no_new_subtypes");
  const reservedNumber = await take(() => nextAnnexNumber(tx, base.number));
  const record = {
    ...base,
    subtypes: subtypesInCatalogueOrder(app.serviceCode, [...base.subtypes, ...added]),
    annexNumbers: [...base.annexNumbers, reservedNumber],
    signer,
  };
  return { kind, record, original: null, reservedNumber };
}

async function baseRecord(tx: Tx, app: AppForDocument) {
  if (!app.baseLicenceId) throw new DomainError("licences.base_required");
  const base = await loadLicenceRecord(tx, { id: app.baseLicenceId });
  if (!base) throw new DomainError("licences.base_not_found");
  return base;
}
