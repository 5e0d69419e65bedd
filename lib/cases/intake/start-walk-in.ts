import { getService, getVariant, recipientOfSubjectKind, type TVariantCode } from "@/lib/law/catalogue";
import { DomainError, isValidBin, isValidIin, fieldError } from "@/lib/platform/core";
import type { Db, SubjectKind } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditWalkIn } from "./audit-walk-in";
import {
  checkPowerOfAttorney,
  legalEntityRegistry,
  lookupLegalEntity,
  lookupMessageCode,
  representativeData,
  type LegalEntityRegistry,
  type TRegistryEntity,
} from "@/lib/integration/registries";
import { resolveIntakeChannel } from "./intake-channel";
import type { TStartWalkInForm } from "./schemas";

/** Who is applying: a legal entity by BIN (looked up in the registry), or a person by IIN and name as the officer read them. */
export type TWalkInApplicant =
  { kind: "LEGAL_ENTITY"; bin: string } | { kind: "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL"; iin: string; name: string; address?: string };

export type TStartWalkInInput = {
  actor: UserActor;
  serviceCode: string;
  variant: TVariantCode;
  applicant: TWalkInApplicant;
  /** A representative under a power of attorney, unchecked (see `checkPowerOfAttorney`). */
  representative?: unknown;
  /** Re-issue, duplicate and annex: the number of the applicant's licence they concern. */
  baseLicenceNumber?: string;
  /** Received by post (office clerk): the day the letter arrived starts the term [004 L2616-2619, L7855-7858]. */
  post?: { receivedOn: string; replyByPost: boolean } | null;
  /** The applicant asks for the result (and complaint answers) by post [004 L395-396]. */
  replyByPost?: boolean;
  now: Date;
  meta?: RequestMeta;
  /** Defaults to the configured "Legal entities" registry. */
  registry?: LegalEntityRegistry;
};

const NEEDS_LICENCE: readonly TVariantCode[] = ["reissue", "duplicate", "annex"];


/** The form's flat fields → the use case's input. */
export function startInputFromForm(form: TStartWalkInForm): Omit<TStartWalkInInput, "actor" | "now" | "meta"> {
  const applicant: TWalkInApplicant =
    form.applicantKind === "LEGAL_ENTITY"
      ? { kind: "LEGAL_ENTITY", bin: form.identifier }
      : { kind: form.applicantKind, iin: form.identifier, name: form.applicantName ?? "", address: form.applicantAddress };
  const representative = form.represented
    ? {
        iin: form.repIin ?? "",
        fullName: form.repFullName ?? "",
        poaNumber: form.repPoaNumber ?? "",
        poaDate: form.repPoaDate ?? "",
        validUntil: form.repValidUntil,
        notarised: form.repNotarised,
      }
    : undefined;
  const post = form.receivedByPost ? { receivedOn: form.receivedOn ?? "", replyByPost: form.replyByPost } : null;
  return { serviceCode: form.serviceCode, variant: form.variant, applicant, representative, baseLicenceNumber: form.baseLicenceNumber, post, replyByPost: form.replyByPost };
}

/**
 * Processes 3–5 of the provider route [001 L296-307], [002 L200-212]: the office clerk chooses the
 * service, enters the applicant (a legal entity is looked up in the "Legal entities" database —
 * unknown or liquidated gives the regulation's "data cannot be obtained"), and, for 002, a
 * representative acting under a notarised power of attorney. Creates or reuses the subject, the
 * representative, and a DRAFT application, in one transaction. The same intake serves a letter
 * received by post (channel POST) and a package accepted at a Public Service Centre (channel PSC,
 * the application then belongs to the service's provider) — see `resolveIntakeChannel`.
 */
export async function startWalkIn(db: Db, input: TStartWalkInInput): Promise<{ applicationId: string; subjectId: string; representativeId: string | null }> {
  const { actor, now } = input;
  assertCan(actor, "application.intake");
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");

  const service = getService(input.serviceCode);
  if (!service) fieldError("catalogue.unknown_service", "serviceCode");
  if (!getVariant(service, input.variant)) fieldError("catalogue.variant_not_offered", "variant");
  if (!service.channels.includes("provider")) fieldError("intake.not_offered_at_counter", "serviceCode");
  const route = await resolveIntakeChannel(db, actor, service, { post: input.post, replyByPost: input.replyByPost }, now);
  const kind: SubjectKind = input.applicant.kind;
  if (!service.recipients.includes(recipientOfSubjectKind(kind))) fieldError("intake.recipient_not_allowed", "applicantKind");
  if (NEEDS_LICENCE.includes(input.variant) && !input.baseLicenceNumber?.trim()) fieldError("intake.base_licence_required", "baseLicenceNumber");

  // The person's data, or the registry's answer (the lookup is audited even when it refuses).
  let entity: TRegistryEntity | null = null;
  let person: { iin: string; name: string; address: string | null } | null = null;
  if (input.applicant.kind === "LEGAL_ENTITY") {
    const bin = input.applicant.bin.trim();
    if (!isValidBin(bin)) fieldError("validation.bin_invalid", "identifier");
    const result = await lookupLegalEntity(db, input.registry ?? legalEntityRegistry(db), { actor, bin, now, meta: input.meta });
    const refusal = lookupMessageCode(result);
    if (refusal || result.status !== "found") throw new DomainError(refusal ?? "registries.data_unavailable", { bin, outcome: result.status });
    entity = result.entity;
  } else {
    const iin = input.applicant.iin.trim();
    if (!isValidIin(iin)) fieldError("validation.iin_invalid", "identifier");
    const name = input.applicant.name.trim();
    if (name.length < 3) fieldError("validation.required", "applicantName");
    if (name.length > 300) fieldError("validation.too_big", "applicantName");
    person = { iin, name, address: input.applicant.address?.trim() || null };
  }

  // 002: only a notarised power of attorney is entered [002 L202-207].
  const poa = input.representative === undefined ? null : checkPowerOfAttorney(input.representative, now);

  return db.$transaction(async (tx) => {
    const identifier = entity ? entity.bin : person!.iin;
    const existing = await tx.subject.findUnique({ where: { identifier } });
    if (existing && existing.kind !== kind) fieldError("intake.subject_kind_mismatch", "applicantKind");
    let subject;
    if (entity) {
      // The registry is the source of the entity's name, address and head.
      const registryData = {
        name: entity.name,
        legalAddress: entity.legalAddress,
        headName: entity.headName,
        headIin: entity.headIin,
        registeredAt: new Date(`${entity.registeredAt}T00:00:00Z`),
      };
      subject = existing
        ? await tx.subject.update({ where: { id: existing.id }, data: registryData })
        : await tx.subject.create({ data: { kind, identifier, ...registryData, createdAt: now } });
    } else {
      // A known person keeps the name they registered with; a new one gets what the officer read from the identity document.
      subject = existing ?? (await tx.subject.create({ data: { kind, identifier, name: person!.name, legalAddress: person!.address, createdAt: now } }));
    }

    let baseLicence: { id: string; number: string } | null = null;
    if (NEEDS_LICENCE.includes(input.variant)) {
      baseLicence = await tx.licence.findFirst({
        where: {
          number: input.baseLicenceNumber!.replace(/[\s\u00a0]+/g, "").toUpperCase(),
          holderId: subject.id,
          serviceCode: service.code,
          organisationId: route.organisationId,
          status: { in: ["ACTIVE", "SUSPENDED"] },
        },
        select: { id: true, number: true },
      });
      if (!baseLicence) fieldError("intake.base_licence_not_found", "baseLicenceNumber");
    }

    const representative = poa
      ? await tx.representative.upsert({
          where: { subjectId_iin: { subjectId: subject.id, iin: poa.iin } },
          update: representativeData(poa),
          create: { subjectId: subject.id, ...representativeData(poa), createdAt: now },
        })
      : null;

    const app = await tx.application.create({
      data: {
        serviceCode: service.code,
        variant: input.variant.toUpperCase() as "ISSUE",
        channel: route.channel,
        organisationId: route.organisationId,
        pscId: route.pscId,
        receivedByPostOn: route.receivedByPostOn ? new Date(`${route.receivedByPostOn}T00:00:00Z`) : null,
        replyByPost: route.replyByPost,
        subjectId: subject.id,
        applicantName: subject.name,
        applicantIdentifier: subject.identifier,
        representativeId: representative?.id ?? null,
        createdById: actor.userId,
        intakeOfficerId: actor.userId,
        baseLicenceId: baseLicence?.id ?? null,
        formData: {
          ...(baseLicence ? { previousLicenceNumber: baseLicence.number } : {}),
          ...(subject.phone ? { contactPhone: subject.phone } : {}),
          ...(subject.email ? { contactEmail: subject.email } : {}),
        },
        createdAt: now,
      },
    });
    await auditWalkIn(tx, app, {
      type: "intake.walk_in_started",
      actor,
      at: now,
      data: {
        serviceCode: service.code,
        variant: input.variant,
        channel: route.channel,
        ...(route.pscId ? { pscId: route.pscId } : {}),
        ...(route.receivedByPostOn ? { receivedByPostOn: route.receivedByPostOn, replyByPost: route.replyByPost } : {}),
        subjectId: subject.id,
        subjectCreated: !existing,
        registry: entity ? "found" : "not_queried",
        representativeId: representative?.id ?? null,
        // The representative row is shared by the subject's applications: keep what was shown at this counter visit.
        powerOfAttorney: poa
          ? { iin: poa.iin, fullName: poa.fullName, poaNumber: poa.poaNumber, poaDate: poa.poaDate, validUntil: poa.validUntil ?? null }
          : null,
        baseLicenceId: baseLicence?.id ?? null,
      },
      meta: input.meta,
    });
    return { applicationId: app.id, subjectId: subject.id, representativeId: representative?.id ?? null };
  });
}
