import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import type { TDocumentKind, TLicencePdfInput } from "@/lib/cases/licence-pdf";
import { activityText, serviceTitle, subtypeLabel } from "./catalogue-text";
import { licenceReadScope } from "./queries";

const DOC_KINDS: readonly TDocumentKind[] = ["licence", "permit", "certificate", "conclusion", "registration"];

/** Public verification page of a number (the QR target); `base` is the portal's public URL. */
export function licenceVerifyUrl(base: string, number: string): string {
  return `${base.replace(/\/+$/, "")}/verify/${encodeURIComponent(number)}`;
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
  const l = await db.licence.findFirst({
    where: { AND: [{ id: licenceId }, scope] },
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
  if (!l) throw new DomainError("errors.not_found");
  const duplicate = opts.duplicateId ? l.duplicates?.[0] : undefined;
  if (opts.duplicateId && !duplicate) throw new DomainError("errors.not_found");
  const activity = activityText(l.serviceCode, l.service);
  const title = serviceTitle(l.serviceCode, l.service);
  const org = l.organisation;
  return {
    licence: {
      number: l.number,
      versionNo: l.versionNo,
      previousNumber: l.previous?.number ?? null,
      issuedAt: l.issuedAt,
      validFrom: l.validFrom,
      validTo: l.validTo,
      subtypes: l.subtypes.map((c) => {
        const lb = subtypeLabel(l.serviceCode, c);
        return { kk: lb.kk, ru: lb.ru };
      }),
      annexNumbers: l.annexes.map((a) => a.number),
      tacit: l.tacit,
    },
    service: {
      code: l.serviceCode,
      kind: (DOC_KINDS as readonly string[]).includes(l.service.kind) ? (l.service.kind as TDocumentKind) : "licence",
      title: { kk: title.kk, ru: title.ru },
      activity: { kk: activity.kk, ru: activity.ru },
    },
    organisation: {
      name: { kk: org.nameKk, ru: org.nameRu },
      address: org.addressKk && org.addressRu ? { kk: org.addressKk, ru: org.addressRu } : null,
    },
    holder: { name: l.holderName, identifier: l.holderIdentifier, kind: l.holder.kind, address: l.holder.legalAddress },
    signer: l.signature ? { name: l.signature.signerName } : null,
    signedAt: l.signature?.signingTime ?? null,
    duplicate: Boolean(duplicate),
    duplicateIssuedAt: duplicate?.issuedAt ?? null,
  };
}

/** The detached CMS (.p7s) of the licence signature, same scoping; no signature → not found. */
export async function getLicenceSignatureFile(db: DbOrTx, actor: Actor, licenceId: string): Promise<{ fileName: string; cms: Uint8Array }> {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("errors.not_found");
  const l = await db.licence.findFirst({ where: { AND: [{ id: licenceId }, scope] }, select: { number: true, signature: { select: { cms: true } } } });
  if (!l?.signature) throw new DomainError("errors.not_found");
  return { fileName: `${l.number}.p7s`, cms: new Uint8Array(l.signature.cms) };
}
