import { z } from "zod";
import { DomainError, parseKeysetCursor } from "@/lib/platform/core";
import type { DbOrTx, LicenceStatus, Prisma } from "@/lib/platform/db";
import { can, licenceScope, type Actor } from "@/lib/platform/auth";
import { normaliseLicenceNumber } from "./licence-number";
import { LICENCE_STATUSES, availableLicenceActions, type TManualLicenceAction } from "./status-transitions";

/** A licence as a register row shows it (the public status page reads these and more). */
export const licenceRowSelect = {
  id: true,
  number: true,
  status: true,
  serviceCode: true,
  holderName: true,
  holderIdentifier: true,
  subtypes: true,
  validFrom: true,
  validTo: true,
  suspendedUntil: true,
  issuedAt: true,
  versionNo: true,
  organisation: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
} as const;

export const LICENCE_PAGE_SIZE = 25;

/** Filters of the licence register as they live in the URL. */
export const ZLicenceListQuery = z.object({
  status: z.enum(LICENCE_STATUSES).optional(),
  service: z.string().trim().max(100).optional(),
  /** A 12-digit BIN/IIN (exact) or part of the holder's name. */
  holder: z.string().trim().max(200).optional(),
  /** A full licence number (any spacing or case), or its beginning. */
  number: z.string().trim().max(40).optional(),
  /** Keyset cursor "<issuedAt ISO>|<id>" of the last row of the previous page. */
  after: z.string().max(200).optional(),
});
export type TLicenceListQuery = z.input<typeof ZLicenceListQuery>;

/**
 * Where the actor may read licences: the holder their own (licenceScope), staff and supervisors
 * with `licence.read_org` their organisation / region / all (licenceScope). Anyone else: null.
 */
export function licenceReadScope(actor: Actor): Prisma.LicenceWhereInput | null {
  if (actor.kind !== "user") return null;
  if (actor.role === "APPLICANT") return actor.subjectId ? (licenceScope(actor) as Prisma.LicenceWhereInput) : null;
  if (!can(actor, "licence.read_org")) return null;
  return licenceScope(actor) as Prisma.LicenceWhereInput;
}

export type LicenceListRow = {
  id: string;
  number: string;
  status: LicenceStatus;
  serviceCode: string;
  holderName: string;
  holderIdentifier: string;
  subtypes: string[];
  validFrom: Date;
  validTo: Date | null;
  suspendedUntil: Date | null;
  issuedAt: Date;
  versionNo: number;
  organisation: { code: string; nameKk: string; nameRu: string; nameEn: string };
};

function parseCursor(after: string | undefined): { issuedAt: Date; id: string } | null {
  // The shared parser: a malformed or out-of-range cursor (year -271821, 20-digit ids) is the first page.
  const c = parseKeysetCursor(after, "text");
  return c ? { issuedAt: c.at, id: c.id } : null;
}

/** The register for the actor, newest first, keyset-paginated on (issuedAt, id). */
export async function listLicences(db: DbOrTx, actor: Actor, raw: TLicenceListQuery = {}): Promise<{ rows: LicenceListRow[]; next: string | null }> {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("auth.forbidden", { permission: "licence.read_org" });
  const q = ZLicenceListQuery.parse(raw);
  const cursor = parseCursor(q.after);
  const holder = q.holder?.replace(/\s+/g, " ");
  const numberText = q.number?.replace(/\s+/g, "").toUpperCase();
  const where: Prisma.LicenceWhereInput = {
    AND: [
      scope,
      q.status ? { status: q.status } : {},
      q.service ? { serviceCode: q.service } : {},
      holder ? (/^\d{12}$/.test(holder) ? { holderIdentifier: holder } : { holderName: { contains: holder, mode: "insensitive" } }) : {},
      numberText ? (normaliseLicenceNumber(numberText) ? { number: numberText } : { number: { startsWith: numberText } }) : {},
      cursor ? { OR: [{ issuedAt: { lt: cursor.issuedAt } }, { issuedAt: cursor.issuedAt, id: { lt: cursor.id } }] } : {},
    ],
  };
  const rows = await db.licence.findMany({
    where,
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: LICENCE_PAGE_SIZE + 1,
    select: licenceRowSelect,
  });
  const page = rows.slice(0, LICENCE_PAGE_SIZE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > LICENCE_PAGE_SIZE && last ? `${last.issuedAt.toISOString()}|${last.id}` : null };
}

/** One licence with its chain, annexes, duplicates, status history and signature summary (never the CMS). */
export async function getLicenceForActor(db: DbOrTx, actor: Actor, id: string) {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("errors.not_found");
  const licence = await db.licence.findFirst({
    where: { AND: [{ id }, scope] },
    include: {
      service: { select: { code: true, kind: true, titleKk: true, titleRu: true, titleEn: true } },
      organisation: { select: { id: true, code: true, kind: true, region: true, nameKk: true, nameRu: true, nameEn: true } },
      holder: { select: { id: true, kind: true, identifier: true, name: true, legalAddress: true } },
      signature: { select: { id: true, signerName: true, signingTime: true, status: true, verifiedAt: true, certSerial: true, certIssuer: true } },
      previous: { select: { id: true, number: true, versionNo: true } },
      next: { select: { id: true, number: true, versionNo: true, status: true } },
      annexes: { orderBy: { issuedAt: "asc" }, select: { id: true, number: true, subtypes: true, issuedAt: true, applicationId: true } },
      duplicates: { orderBy: { issuedAt: "asc" }, select: { id: true, reason: true, issuedAt: true, applicationId: true } },
      events: { orderBy: { at: "asc" }, select: { id: true, from: true, to: true, reason: true, periodFrom: true, periodTo: true, actorId: true, at: true } },
    },
  });
  if (!licence) throw new DomainError("errors.not_found");
  // What this actor may do with it: only those with licence.manage in the organisation's scope.
  const actions: TManualLicenceAction[] = can(actor, "licence.manage") ? availableLicenceActions(licence.status) : [];
  return { ...licence, actions };
}
export type LicenceDetail = Awaited<ReturnType<typeof getLicenceForActor>>;
