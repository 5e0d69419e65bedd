import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, LicenceStatus, Tx } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { Actor } from "@/lib/platform/auth";
import { getService } from "@/lib/law/catalogue";
import { generateLicenceNumber, nextAnnexNumber } from "./licence-number";
import { BASE_STATUS_FOR_VARIANT } from "./status-transitions";

const VARIANT_VALUES = ["ISSUE", "ANNEX", "REISSUE", "DUPLICATE", "REGISTRATION", "REREGISTRATION"] as const;

export const ZIssueLicenceInput = z.object({
  application: z.object({
    id: z.string().min(1),
    serviceCode: z.string().min(1),
    organisationId: z.string().min(1),
    subjectId: z.string().min(1),
    variant: z.enum(VARIANT_VALUES),
    baseLicenceId: z.string().min(1).nullish(),
  }),
  decision: z.object({
    /** Activity sub-types (catalogue codes): all of them for an issue, the new ones for an annex; a re-issue without any keeps the previous ones. */
    subtypes: z.array(z.string().min(1)).default([]),
    validFrom: z.date(),
    /** Absent: without a term (Kazakh licences are generally open-ended). */
    validTo: z.date().nullish(),
    /** Duplicate: a code of the service's duplicateReasons (`lost`, `damaged`). */
    duplicateReason: z.string().min(1).max(100).optional(),
  }),
  /** The officer's signature of the decision (Signature row of the application); absent only for tacit approval. */
  signatureId: z.string().min(1).nullish(),
  tacit: z.boolean(),
  /**
   * The number printed on the licence PDF the head signed (licence number, or annex number for an
   * annex), reserved when the document was prepared (lib/cases/licence-signing); else a new one.
   */
  reservedNumber: z.string().min(1).max(40).nullish(),
  now: z.date(),
});
export type TIssueLicenceInput = z.input<typeof ZIssueLicenceInput> & { actor: Actor; meta?: RequestMeta };

export type TIssueLicenceResult = {
  variant: "issue" | "reissue" | "duplicate" | "annex";
  /** The licence the result belongs to: the new one for issue/re-issue, the base licence for duplicate/annex. */
  licenceId: string;
  licenceNumber: string;
  /** Number of the issued document: the licence number, or the annex number `{licence}-{n}`. */
  number: string;
  previousId?: string;
  duplicateId?: string;
  annexId?: string;
  /** False when the application already had its result (a retried hand-over): nothing was written. */
  created: boolean;
};

type Kind = TIssueLicenceResult["variant"];
const KIND: Record<(typeof VARIANT_VALUES)[number], Kind> = {
  ISSUE: "issue",
  REGISTRATION: "issue",
  REISSUE: "reissue",
  REREGISTRATION: "reissue",
  DUPLICATE: "duplicate",
  ANNEX: "annex",
};

/** Runs `fn` in the caller's transaction, or opens one when given the client. */
function inTx<R>(db: DbOrTx, fn: (tx: Tx) => Promise<R>): Promise<R> {
  return "$transaction" in db ? db.$transaction(fn) : fn(db);
}

/** Catalogue order, no repeats; codes the catalogue does not list for the service are refused. */
export function checkedSubtypes(serviceCode: string, codes: readonly string[]): string[] {
  const unique = [...new Set(codes)];
  const service = getService(serviceCode);
  if (!service) return unique; // a service outside the catalogue (tests, retired data): nothing to check against
  const order = service.activitySubtypes.map((s) => s.code);
  for (const c of unique) if (!order.includes(c)) throw new DomainError("licences.unknown_subtype", { subtype: c });
  return unique.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * Creates the result of a licence application inside the caller's transaction (the workflow
 * executor calls it when the decision is handed over, or on tacit approval):
 * - ISSUE (and REGISTRATION): a new licence, version 1, with a new number;
 * - REISSUE (and REREGISTRATION): a new licence with a NEW number, versionNo + 1 and `previousId`;
 *   the previous version becomes SUPERSEDED (status event + audit). Numbers stay unique: the chain,
 *   not the number, carries the continuity (README "Re-issue");
 * - DUPLICATE: a LicenceDuplicate of the same licence (same number and data);
 * - ANNEX: a LicenceAnnex numbered `{licence}-{n}`; its sub-types are added to the licence.
 * Idempotent per application: a second call returns the first result and writes nothing.
 */
export async function issueLicence(db: DbOrTx, raw: TIssueLicenceInput): Promise<TIssueLicenceResult> {
  const { actor, meta } = raw;
  const input = ZIssueLicenceInput.parse(raw);
  const { application: app, decision, now } = input;
  const kind = KIND[app.variant];
  if (decision.validTo && decision.validTo <= decision.validFrom) throw new DomainError("licences.invalid_validity");
  if (!input.tacit && !input.signatureId) throw new DomainError("licences.signature_required");

  return inTx(db, async (tx) => {
    const existing = await findExistingResult(tx, kind, app.id);
    if (existing) return existing;

    if (input.signatureId) {
      const sig = await tx.signature.findUnique({ where: { id: input.signatureId }, select: { applicationId: true } });
      if (!sig || (sig.applicationId !== null && sig.applicationId !== app.id)) throw new DomainError("licences.signature_mismatch");
    }
    const audit = (type: string, entityType: string, entityId: string, data: Record<string, unknown>) =>
      recordAudit(tx, { type, actor, at: now, entityType, entityId, applicationId: app.id, organisationId: app.organisationId, data, meta });
    const common = { variant: app.variant, tacit: input.tacit, signatureId: input.signatureId ?? null };

    if (kind === "issue") {
      const subtypes = checkedSubtypes(app.serviceCode, decision.subtypes);
      if (subtypes.length === 0) throw new DomainError("licences.subtypes_required");
      const { id: licenceId, number } = await createLicence(tx, input, { subtypes, validTo: decision.validTo ?? null });
      await audit("licence.issued", "licence", licenceId, { ...common, number, subtypes });
      return { variant: kind, licenceId, licenceNumber: number, number, created: true };
    }

    if (!app.baseLicenceId) throw new DomainError("licences.base_required");
    const base = await lockBase(tx, app.baseLicenceId);
    const allowed = BASE_STATUS_FOR_VARIANT[app.variant as keyof typeof BASE_STATUS_FOR_VARIANT] as readonly LicenceStatus[];
    if (!allowed.includes(base.status)) throw new DomainError("licences.base_not_current", { status: base.status });
    if (base.serviceCode !== app.serviceCode) throw new DomainError("licences.base_mismatch", { field: "service" });
    // A re-issue may change the holder (reorganisation: the successor applies) and the body
    // (new legal address); a duplicate or an annex is asked for by the holder, at the issuing body.
    if (kind !== "reissue" && (base.holderId !== app.subjectId || base.organisationId !== app.organisationId)) {
      throw new DomainError("licences.base_mismatch", { field: base.holderId !== app.subjectId ? "holder" : "organisation" });
    }

    if (kind === "duplicate") {
      const reason = decision.duplicateReason ?? "unspecified";
      const dup = await tx.licenceDuplicate.create({ data: { licenceId: base.id, applicationId: app.id, reason, issuedAt: now }, select: { id: true } });
      await audit("licence.duplicate_issued", "licence", base.id, { ...common, number: base.number, duplicateId: dup.id, reason });
      return { variant: kind, licenceId: base.id, licenceNumber: base.number, number: base.number, duplicateId: dup.id, created: true };
    }

    if (kind === "annex") {
      const requested = checkedSubtypes(app.serviceCode, decision.subtypes);
      const added = requested.filter((s) => !base.subtypes.includes(s));
      if (added.length === 0) throw new DomainError("licences.annex_no_new_subtypes");
      const subtypes = checkedSubtypes(app.serviceCode, [...base.subtypes, ...added]);
      const cas = await tx.licence.updateMany({ where: { id: base.id, status: "ACTIVE" }, data: { subtypes } });
      if (cas.count !== 1) throw new DomainError("licences.conflict");
      const number = input.reservedNumber ?? (await nextAnnexNumber(tx, base.number));
      const annex = await tx.licenceAnnex.create({ data: { licenceId: base.id, number, subtypes: added, applicationId: app.id, issuedAt: now }, select: { id: true } });
      await audit("licence.annex_issued", "licence", base.id, { ...common, number, licenceNumber: base.number, annexId: annex.id, added });
      return { variant: kind, licenceId: base.id, licenceNumber: base.number, number, annexId: annex.id, created: true };
    }

    // Re-issue: supersede the current version first (compare-and-swap on its status), then the new one.
    const subtypes = checkedSubtypes(app.serviceCode, decision.subtypes.length ? decision.subtypes : base.subtypes);
    const cas = await tx.licence.updateMany({ where: { id: base.id, status: base.status }, data: { status: "SUPERSEDED", suspendedUntil: null } });
    if (cas.count !== 1) throw new DomainError("licences.conflict");
    await tx.licenceStatusEvent.create({
      data: { licenceId: base.id, from: base.status, to: "SUPERSEDED", reason: "reissue", actorId: actor.kind === "user" ? actor.userId : null, at: now },
    });
    const { id: licenceId, number } = await createLicence(tx, input, {
      subtypes,
      validTo: decision.validTo === undefined ? base.validTo : decision.validTo,
      previous: { id: base.id, versionNo: base.versionNo },
    });
    await audit("licence.status_changed", "licence", base.id, { from: base.status, to: "SUPERSEDED", reason: "reissue", nextId: licenceId, nextNumber: number });
    await audit("licence.reissued", "licence", licenceId, { ...common, number, subtypes, previousId: base.id, previousNumber: base.number, versionNo: base.versionNo + 1 });
    return { variant: kind, licenceId, licenceNumber: number, number, previousId: base.id, created: true };
  });
}

/**
 * A new licence of the application's holder at its body: the holder's name and identifier as they
 * are now, the reserved number or a new one; a re-issue continues the chain of `previous`.
 */
async function createLicence(
  tx: Tx,
  input: z.output<typeof ZIssueLicenceInput>,
  v: { subtypes: string[]; validTo: Date | null; previous?: { id: string; versionNo: number } },
): Promise<{ id: string; number: string }> {
  const { application: app, decision, now } = input;
  const [org, holder] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: app.organisationId }, select: { kind: true, region: true } }),
    tx.subject.findUniqueOrThrow({ where: { id: app.subjectId }, select: { name: true, identifier: true } }),
  ]);
  const number = input.reservedNumber ?? (await generateLicenceNumber(tx, { organisation: org, now }));
  const lic = await tx.licence.create({
    data: {
      number,
      serviceCode: app.serviceCode,
      organisationId: app.organisationId,
      holderId: app.subjectId,
      holderName: holder.name,
      holderIdentifier: holder.identifier,
      subtypes: v.subtypes,
      validFrom: decision.validFrom,
      validTo: v.validTo,
      ...(v.previous ? { versionNo: v.previous.versionNo + 1, previousId: v.previous.id } : {}),
      applicationId: app.id,
      signatureId: input.signatureId ?? null,
      tacit: input.tacit,
      issuedAt: now,
    },
    select: { id: true },
  });
  return { id: lic.id, number };
}

/** Locks the base licence row for the rest of the transaction and reads it. */
async function lockBase(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Licence" WHERE "id" = ${id} FOR UPDATE`;
  const base = await tx.licence.findUnique({
    where: { id },
    select: { id: true, number: true, status: true, serviceCode: true, holderId: true, organisationId: true, subtypes: true, versionNo: true, validTo: true },
  });
  if (!base) throw new DomainError("licences.base_not_found");
  return base;
}

async function findExistingResult(tx: Tx, kind: Kind, applicationId: string): Promise<TIssueLicenceResult | null> {
  if (kind === "issue" || kind === "reissue") {
    const l = await tx.licence.findFirst({ where: { applicationId }, select: { id: true, number: true, previousId: true } });
    return l ? { variant: kind, licenceId: l.id, licenceNumber: l.number, number: l.number, ...(l.previousId ? { previousId: l.previousId } : {}), created: false } : null;
  }
  if (kind === "duplicate") {
    const d = await tx.licenceDuplicate.findFirst({ where: { applicationId }, select: { id: true, licence: { select: { id: true, number: true } } } });
    return d ? { variant: kind, licenceId: d.licence.id, licenceNumber: d.licence.number, number: d.licence.number, duplicateId: d.id, created: false } : null;
  }
  const a = await tx.licenceAnnex.findFirst({ where: { applicationId }, select: { id: true, number: true, licence: { select: { id: true, number: true } } } });
  return a ? { variant: kind, licenceId: a.licence.id, licenceNumber: a.licence.number, number: a.number, annexId: a.id, created: false } : null;
}
