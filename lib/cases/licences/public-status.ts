import { DomainError, isValidIdentifier } from "@/lib/platform/core";
import type { DbOrTx, LicenceStatus, SubjectKind } from "@/lib/platform/db";
import { normaliseLicenceNumber, parseAnnexNumber } from "./licence-number";
import { licenceRowSelect } from "./queries";
import { activityText, serviceShortTitle, serviceTitle, subtypeLabel, type TI18nText } from "./catalogue-text";

/** What anyone may learn about a licence (licence registers are public in Kazakhstan). */
export type TPublicLicence = {
  number: string;
  status: LicenceStatus;
  /** End of the current suspension. */
  suspendedUntil: Date | null;
  /** When the status last changed (null: as issued). */
  statusChangedAt: Date | null;
  holder: {
    name: string;
    /** BIN of a legal entity or IIN of an entrepreneur in full; a private person's IIN masked to its last 4 digits. */
    identifier: string;
    identifierMasked: boolean;
    kind: SubjectKind;
  };
  /** `activity`: the licensed activity as printed on the licence (the title without "issue, re-issue, duplicate of …"). */
  service: { code: string; title: TI18nText; shortTitle: TI18nText; activity: TI18nText };
  subtypes: { code: string; label: TI18nText }[];
  provider: { code: string; name: TI18nText };
  validFrom: Date;
  validTo: Date | null;
  issuedAt: Date;
  tacit: boolean;
  versionNo: number;
  /** Every version, oldest first (this one included). */
  chain: { number: string; versionNo: number; status: LicenceStatus; issuedAt: Date }[];
  previous: { number: string } | null;
  supersededBy: { number: string; issuedAt: Date } | null;
  annexes: { number: string; issuedAt: Date; subtypes: { code: string; label: TI18nText }[] }[];
  duplicates: { issuedAt: Date; reason: string }[];
  /** The licence signature as verified when it was recorded (signer name, signing time, stored status). */
  signature: { signerName: string; signingTime: Date; status: string; verifiedAt: Date } | null;
};

export type TPublicQuery = { number: string } | { identifier: string };

const select = {
  ...licenceRowSelect,
  tacit: true,
  previousId: true,
  holder: { select: { kind: true } },
  service: { select: { titleKk: true, titleRu: true, titleEn: true } },
  next: { select: { number: true, issuedAt: true } },
  previous: { select: { number: true } },
  annexes: { orderBy: { issuedAt: "asc" }, select: { number: true, issuedAt: true, subtypes: true } },
  duplicates: { orderBy: { issuedAt: "asc" }, select: { issuedAt: true, reason: true } },
  events: { orderBy: { at: "desc" }, take: 1, select: { at: true } },
  signature: { select: { signerName: true, signingTime: true, status: true, verifiedAt: true } },
} as const;

const CHAIN_LIMIT = 100;

async function loadChain(db: DbOrTx, start: { id: string; number: string; versionNo: number; status: LicenceStatus; issuedAt: Date; previousId: string | null }) {
  const link = { id: true, number: true, versionNo: true, status: true, issuedAt: true, previousId: true } as const;
  const chain = [start];
  let prevId = start.previousId;
  while (prevId && chain.length < CHAIN_LIMIT) {
    const p = await db.licence.findUnique({ where: { id: prevId }, select: link });
    if (!p) break;
    chain.unshift(p);
    prevId = p.previousId;
  }
  let cur = start.id;
  while (chain.length < CHAIN_LIMIT) {
    const n = await db.licence.findUnique({ where: { previousId: cur }, select: link });
    if (!n) break;
    chain.push(n);
    cur = n.id;
  }
  return chain.map(({ number, versionNo, status, issuedAt }) => ({ number, versionNo, status, issuedAt }));
}

function maskIin(iin: string): string {
  return `${"*".repeat(Math.max(0, iin.length - 4))}${iin.slice(-4)}`;
}

type Row = NonNullable<Awaited<ReturnType<typeof findByNumber>>>;
const findByNumber = (db: DbOrTx, number: string) => db.licence.findUnique({ where: { number }, select });

async function toPublic(db: DbOrTx, l: Row): Promise<TPublicLicence> {
  const masked = l.holder.kind === "INDIVIDUAL";
  const labels = (codes: string[]) => codes.map((code) => ({ code, label: subtypeLabel(l.serviceCode, code) }));
  return {
    number: l.number,
    status: l.status,
    suspendedUntil: l.status === "SUSPENDED" ? l.suspendedUntil : null,
    statusChangedAt: l.events[0]?.at ?? null,
    holder: { name: l.holderName, identifier: masked ? maskIin(l.holderIdentifier) : l.holderIdentifier, identifierMasked: masked, kind: l.holder.kind },
    service: { code: l.serviceCode, title: serviceTitle(l.serviceCode, l.service), shortTitle: serviceShortTitle(l.serviceCode, l.service), activity: activityText(l.serviceCode, l.service) },
    subtypes: labels(l.subtypes),
    provider: { code: l.organisation.code, name: { kk: l.organisation.nameKk, ru: l.organisation.nameRu, en: l.organisation.nameEn } },
    validFrom: l.validFrom,
    validTo: l.validTo,
    issuedAt: l.issuedAt,
    tacit: l.tacit,
    versionNo: l.versionNo,
    chain: await loadChain(db, l),
    previous: l.previous ? { number: l.previous.number } : null,
    supersededBy: l.next ? { number: l.next.number, issuedAt: l.next.issuedAt } : null,
    annexes: l.annexes.map((a) => ({ number: a.number, issuedAt: a.issuedAt, subtypes: labels(a.subtypes) })),
    duplicates: l.duplicates.map((d) => ({ issuedAt: d.issuedAt, reason: d.reason })),
    signature: l.signature ? { ...l.signature } : null,
  };
}

/**
 * Public check (no sign-in), as egov.kz offers it: by licence number (an annex number finds its
 * licence) → that licence or null; by BIN/IIN → the holder's licences, newest first (at most 100).
 * A malformed number or identifier is `licences.invalid_number` / `licences.invalid_identifier`.
 */
export async function getPublicLicenceStatus(db: DbOrTx, q: { number: string }): Promise<TPublicLicence | null>;
export async function getPublicLicenceStatus(db: DbOrTx, q: { identifier: string }): Promise<TPublicLicence[]>;
export async function getPublicLicenceStatus(db: DbOrTx, q: TPublicQuery): Promise<TPublicLicence | null | TPublicLicence[]> {
  if ("number" in q) {
    const number = normaliseLicenceNumber(q.number) ?? parseAnnexNumber(q.number)?.licenceNumber;
    if (!number) throw new DomainError("licences.invalid_number");
    const row = await findByNumber(db, number);
    return row ? toPublic(db, row) : null;
  }
  const identifier = q.identifier.replace(/\s+/g, "");
  if (!isValidIdentifier(identifier)) throw new DomainError("licences.invalid_identifier");
  const rows = await db.licence.findMany({ where: { holderIdentifier: identifier }, orderBy: [{ issuedAt: "desc" }, { id: "desc" }], take: 100, select });
  const out: TPublicLicence[] = [];
  for (const r of rows) out.push(await toPublic(db, r));
  return out;
}
