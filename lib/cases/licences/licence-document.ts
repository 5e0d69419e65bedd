import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { docDate, type TDocumentKind, type TLicencePdfInput } from "@/lib/cases/licence-pdf";
import { activityText, serviceTitle, subtypeLabel } from "./catalogue-text";
import { licenceReadScope } from "./queries";

const DOC_KINDS: readonly TDocumentKind[] = ["licence", "permit", "certificate", "conclusion", "registration"];

/** Public verification page of a number (the QR target); `base` is the portal's public URL. */
export function licenceVerifyUrl(base: string, number: string): string {
  return `${base.replace(/\/+$/, "")}/verify/${encodeURIComponent(number)}`;
}

/**
 * What a licence document is made of, whether it is read from the register (an issued licence)
 * or assembled from an application before the licence exists (the document the head signs).
 */
export type TLicenceRecord = {
  number: string;
  versionNo: number;
  previousNumber: string | null;
  issuedAt: Date;
  validFrom: Date;
  validTo: Date | null;
  subtypes: string[];
  annexNumbers: string[];
  tacit: boolean;
  serviceCode: string;
  service: { kind: string; titleKk: string; titleRu: string; titleEn: string };
  organisation: { nameKk: string; nameRu: string; addressKk: string | null; addressRu: string | null };
  holder: { name: string; identifier: string; kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL"; legalAddress: string | null };
  signer: { name: string; signedAt: Date } | null;
  duplicate: { issuedAt: Date } | null;
};

/** The PDF input of a record (the caller adds `verifyUrl` and what is particular to signing). */
export function licencePdfInput(r: TLicenceRecord): Omit<TLicencePdfInput, "verifyUrl"> {
  const activity = activityText(r.serviceCode, r.service);
  const title = serviceTitle(r.serviceCode, r.service);
  const org = r.organisation;
  return {
    licence: {
      number: r.number,
      versionNo: r.versionNo,
      previousNumber: r.previousNumber,
      issuedAt: r.issuedAt,
      validFrom: r.validFrom,
      validTo: r.validTo,
      subtypes: r.subtypes.map((c) => {
        const lb = subtypeLabel(r.serviceCode, c);
        return { kk: lb.kk, ru: lb.ru };
      }),
      annexNumbers: r.annexNumbers,
      tacit: r.tacit,
    },
    service: {
      code: r.serviceCode,
      kind: (DOC_KINDS as readonly string[]).includes(r.service.kind) ? (r.service.kind as TDocumentKind) : "licence",
      title: { kk: title.kk, ru: title.ru },
      activity: { kk: activity.kk, ru: activity.ru },
    },
    organisation: {
      name: { kk: org.nameKk, ru: org.nameRu },
      address: org.addressKk && org.addressRu ? { kk: org.addressKk, ru: org.addressRu } : null,
    },
    holder: { name: r.holder.name, identifier: r.holder.identifier, kind: r.holder.kind, address: r.holder.legalAddress },
    signer: r.signer ? { name: r.signer.name } : null,
    signedAt: r.signer?.signedAt ?? null,
    duplicate: Boolean(r.duplicate),
    duplicateIssuedAt: r.duplicate?.issuedAt ?? null,
  };
}

/**
 * The facts of a record that a signed document must share with the register, dates as printed
 * (Almaty day). Compared when the head's signature arrives: the licence issued in that step must
 * say what the signed PDF says.
 */
export function recordFacts(r: TLicenceRecord): Record<string, unknown> {
  return {
    number: r.number,
    versionNo: r.versionNo,
    previousNumber: r.previousNumber,
    validFrom: docDate(r.validFrom),
    validTo: r.validTo ? docDate(r.validTo) : null,
    subtypes: r.subtypes,
    annexNumbers: r.annexNumbers,
    tacit: r.tacit,
    serviceCode: r.serviceCode,
    organisation: r.organisation.nameRu,
    holder: [r.holder.name, r.holder.identifier],
    duplicate: r.duplicate ? docDate(r.duplicate.issuedAt) : null,
  };
}

/**
 * A licence of the register as a record; `where` carries the caller's scope. `duplicateId`
 * makes it that duplicate's record. Null when not found.
 */
export async function loadLicenceRecord(
  db: DbOrTx,
  where: Prisma.LicenceWhereInput,
  opts: { duplicateId?: string | null } = {},
): Promise<(TLicenceRecord & { id: string }) | null> {
  const l = await db.licence.findFirst({
    where,
    include: {
      service: { select: { kind: true, titleKk: true, titleRu: true, titleEn: true } },
      organisation: { select: { nameKk: true, nameRu: true, addressKk: true, addressRu: true } },
      holder: { select: { kind: true, legalAddress: true } },
      signature: { select: { signerName: true, signingTime: true } },
      previous: { select: { number: true } },
      annexes: { orderBy: { issuedAt: "asc" }, select: { number: true } },
      duplicates: opts.duplicateId ? { where: { id: opts.duplicateId }, select: { id: true, issuedAt: true } } : false,
    },
  });
  if (!l) return null;
  const duplicate = opts.duplicateId ? l.duplicates?.[0] : undefined;
  if (opts.duplicateId && !duplicate) return null;
  return {
    id: l.id,
    number: l.number,
    versionNo: l.versionNo,
    previousNumber: l.previous?.number ?? null,
    issuedAt: l.issuedAt,
    validFrom: l.validFrom,
    validTo: l.validTo,
    subtypes: l.subtypes,
    annexNumbers: l.annexes.map((a) => a.number),
    tacit: l.tacit,
    serviceCode: l.serviceCode,
    service: l.service,
    organisation: l.organisation,
    holder: { name: l.holderName, identifier: l.holderIdentifier, kind: l.holder.kind, legalAddress: l.holder.legalAddress },
    signer: l.signature ? { name: l.signature.signerName, signedAt: l.signature.signingTime } : null,
    duplicate: duplicate ? { issuedAt: duplicate.issuedAt } : null,
  };
}

/**
 * Everything the licence PDF prints, read within the actor's scope (the holder, the issuing
 * organisation's staff, supervisors in scope; anyone else: not found). `duplicateId` renders that
 * duplicate (marked as such). The caller adds `verifyUrl`.
 */
export async function getLicenceDocument(
  db: DbOrTx,
  actor: Actor,
  licenceId: string,
  opts: { duplicateId?: string | null } = {},
): Promise<Omit<TLicencePdfInput, "verifyUrl">> {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("errors.not_found");
  const r = await loadLicenceRecord(db, { AND: [{ id: licenceId }, scope] }, opts);
  if (!r) throw new DomainError("errors.not_found");
  return licencePdfInput(r);
}

/** The detached CMS (.p7s) of the licence signature, same scoping; no signature → not found. */
export async function getLicenceSignatureFile(db: DbOrTx, actor: Actor, licenceId: string): Promise<{ fileName: string; cms: Uint8Array }> {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("errors.not_found");
  const l = await db.licence.findFirst({ where: { AND: [{ id: licenceId }, scope] }, select: { number: true, signature: { select: { cms: true } } } });
  if (!l?.signature) throw new DomainError("errors.not_found");
  return { fileName: `${l.number}.p7s`, cms: new Uint8Array(l.signature.cms) };
}
