import { createHash, randomBytes } from "node:crypto";
import type { Db, Variant } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { issueLicence, type TIssueLicenceResult } from "@/lib/cases/licences";
import { createOrganisation, createService, createSubject, createUser } from "./index";

type UserActor = Extract<Actor, { kind: "user" }>;

/** A licensing body with its head (licence.manage), a clerk and an executor, a holder and their account. */
export async function createLicensingSetup(db: Db, o: { region?: string; committee?: boolean; serviceCode?: string } = {}) {
  const serviceCode = o.serviceCode ?? "scrap-metal-licence";
  await createService(db, serviceCode);
  let org = await createOrganisation(db, { region: o.region ?? "aktobe" });
  if (o.committee) org = await db.organisation.update({ where: { id: org.id }, data: { kind: "COMMITTEE" } });
  const subject = await createSubject(db);
  const { actor: applicant } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const { actor: head } = await createUser(db, "HEAD", { organisationId: org.id });
  const { actor: clerk } = await createUser(db, "OFFICE_CLERK", { organisationId: org.id });
  const { actor: executor } = await createUser(db, "EXECUTOR", { organisationId: org.id });
  return { serviceCode, org, subject, applicant, head, clerk, executor };
}
export type LicensingSetup = Awaited<ReturnType<typeof createLicensingSetup>>;

export async function createLicenceApplication(
  db: Db,
  s: LicensingSetup,
  o: { variant?: Variant; baseLicenceId?: string | null; subjectId?: string } = {},
) {
  const subject = await db.subject.findUniqueOrThrow({ where: { id: o.subjectId ?? s.subject.id } });
  return db.application.create({
    data: {
      serviceCode: s.serviceCode,
      variant: o.variant ?? "ISSUE",
      organisationId: s.org.id,
      subjectId: subject.id,
      createdById: s.applicant.userId,
      applicantName: subject.name,
      applicantIdentifier: subject.identifier,
      status: "IN_PROGRESS",
      baseLicenceId: o.baseLicenceId ?? null,
    },
  });
}

/** A decision signature row as the workflow records it (the CMS bytes are stand-ins here). */
export async function createDecisionSignature(db: Db, o: { applicationId: string; signerName?: string; signingTime: Date }) {
  const content = randomBytes(64);
  return db.signature.create({
    data: {
      purpose: "DECISION",
      applicationId: o.applicationId,
      signerIin: "920401300011",
      signerBin: "990440000018",
      signerName: o.signerName ?? "Сәрсенбаев Әлібек",
      certSerial: `4b5a${randomBytes(6).toString("hex")}`,
      certIssuer: "CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) SANDBOX, C=KZ",
      signingTime: o.signingTime,
      contentSha256: createHash("sha256").update(content).digest("hex"),
      cms: new Uint8Array(randomBytes(300)),
      status: "valid",
      verifiedAt: o.signingTime,
    },
  });
}

/**
 * An application of `variant` and its result through issueLicence, signed by the head, in one
 * transaction — as the workflow executor does on hand-over.
 */
export async function issueTestLicence(
  db: Db,
  s: LicensingSetup,
  o: { now: Date; variant?: Variant; baseLicenceId?: string; subtypes?: string[]; validTo?: Date | null; tacit?: boolean; subjectId?: string; duplicateReason?: string; actor?: UserActor } = { now: new Date(0) },
): Promise<TIssueLicenceResult & { applicationId: string; signatureId: string | null }> {
  const app = await createLicenceApplication(db, s, { variant: o.variant, baseLicenceId: o.baseLicenceId, subjectId: o.subjectId });
  const sig = o.tacit ? null : await createDecisionSignature(db, { applicationId: app.id, signingTime: o.now });
  const result = await db.$transaction((tx) =>
    issueLicence(tx, {
      application: { id: app.id, serviceCode: app.serviceCode, organisationId: app.organisationId, subjectId: app.subjectId, variant: app.variant, baseLicenceId: app.baseLicenceId },
      decision: { subtypes: o.subtypes ?? ["nonferrous-collection", "nonferrous-storage"], validFrom: o.now, validTo: o.validTo, duplicateReason: o.duplicateReason },
      signatureId: sig?.id ?? null,
      tacit: o.tacit ?? false,
      now: o.now,
      actor: o.actor ?? s.head,
    }),
  );
  return { ...result, applicationId: app.id, signatureId: sig?.id ?? null };
}
