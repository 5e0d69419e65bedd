import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { createSubject, createUser } from "../../factories";

let counter = 0;

/** A row of the worklist's shape, written directly (no workflow): the fields the queries read. */
export async function openApplication(
  db: Db,
  o: {
    organisationId: string;
    subjectId: string;
    createdById: string;
    stepRole: "OFFICE_CLERK" | "HEAD" | "DEPUTY_HEAD" | "DEPARTMENT_HEAD" | "EXECUTOR";
    stepKey?: string;
    stepDueAt?: Date | null;
    assigneeId?: string | null;
    status?: "SUBMITTED" | "IN_PROGRESS" | "SUSPENDED" | "DEEMED_ISSUED" | "ISSUED";
    serviceCode?: string;
    variant?: "ISSUE" | "REISSUE" | "DUPLICATE";
    applicantName?: string;
    applicantIdentifier?: string;
    registrationNumber?: string | null;
  },
) {
  const subject = await db.subject.findUniqueOrThrow({ where: { id: o.subjectId } });
  counter++;
  return db.application.create({
    data: {
      serviceCode: o.serviceCode ?? "scrap-metal-licence",
      variant: o.variant ?? "ISSUE",
      organisationId: o.organisationId,
      subjectId: o.subjectId,
      createdById: o.createdById,
      applicantName: o.applicantName ?? subject.name,
      applicantIdentifier: o.applicantIdentifier ?? subject.identifier,
      registrationNumber: o.registrationNumber === undefined ? `WL-${process.pid}-${Date.now().toString(36)}-${counter}` : o.registrationNumber,
      status: o.status ?? "IN_PROGRESS",
      stepRole: o.stepRole,
      stepKey: o.stepKey ?? defaultStepKey(o.stepRole),
      stepDueAt: o.stepDueAt === undefined ? new Date("2026-12-01T05:00:00Z") : o.stepDueAt,
      assigneeId: o.assigneeId ?? null,
    },
  });
}

function defaultStepKey(role: string): string {
  switch (role) {
    case "OFFICE_CLERK":
      return "register";
    case "HEAD":
      return "assign_executor";
    case "DEPUTY_HEAD":
      return "assign_department_head";
    case "DEPARTMENT_HEAD":
      return "assign_executor";
    default:
      return "review";
  }
}

/** One organisation's staff (one of each role, two executors) and an applicant. */
export async function staffOf(db: Db, organisationId: string) {
  const subject = await createSubject(db);
  const applicant = (await createUser(db, "APPLICANT", { subjectId: subject.id })).actor;
  const clerk = (await createUser(db, "OFFICE_CLERK", { organisationId })).actor;
  const head = (await createUser(db, "HEAD", { organisationId })).actor;
  const deputy = (await createUser(db, "DEPUTY_HEAD", { organisationId })).actor;
  const department = (await createUser(db, "DEPARTMENT_HEAD", { organisationId })).actor;
  const executor = (await createUser(db, "EXECUTOR", { organisationId })).actor;
  const executor2 = (await createUser(db, "EXECUTOR", { organisationId })).actor;
  return { subject, applicant, clerk, head, deputy, department, executor, executor2 } satisfies Record<string, unknown> & { clerk: UserActor };
}

/** A portal application submitted through the workflow (payment and signature facts by the system). */
export async function submittedApplication(
  db: Db,
  o: { organisationId: string; applicant: UserActor; serviceCode?: string; variant?: "ISSUE" | "REISSUE" | "DUPLICATE"; formData?: Record<string, unknown>; now: Date },
) {
  const { executeCommand } = await import("@/lib/cases/applications");
  const { systemActor } = await import("@/lib/platform/auth");
  const subject = await db.subject.findUniqueOrThrow({ where: { id: o.applicant.subjectId! } });
  const app = await db.application.create({
    data: {
      serviceCode: o.serviceCode ?? "scrap-metal-licence",
      variant: o.variant ?? "ISSUE",
      organisationId: o.organisationId,
      subjectId: subject.id,
      createdById: o.applicant.userId,
      applicantName: subject.name,
      applicantIdentifier: subject.identifier,
      formData: (o.formData ?? { activitySubtypes: ["ferrous-collection", "ferrous-storage"], activityAddress: "Атырау қ., Өнеркәсіп көшесі, 1", contactPhone: "+77122304050", contactEmail: "office@example.kz" }) as object,
    },
  });
  const sys = systemActor("test");
  await executeCommand(db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: o.now });
  await executeCommand(db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: o.now });
  return (await executeCommand(db, { actor: o.applicant, applicationId: app.id, command: { type: "submit" }, now: o.now })).application;
}

/** The state a page would have been rendered with. */
export function expectedOf(app: { version: number; status: string; stepKey: string | null }) {
  return { version: app.version, status: app.status as "SUBMITTED", stepKey: app.stepKey };
}

/**
 * The head's EDS for decisions: the sandbox CA in this database, a first-head signing key of the
 * organisation's BIN (DEMO_ORGANISATION_BINS) and the head's IIN; `sign(id)` signs the decision
 * bytes of the application as the browser would (base64 CMS for `signDecision`).
 */
export async function headSigning(db: Db, o: { head: UserActor; organisationCode: string; iin: string }) {
  const { getSandboxCa, issueCertificatePair, DEMO_ORGANISATION_BINS } = await import("@/lib/trust/certificates");
  const { systemActor } = await import("@/lib/platform/auth");
  const { decisionSigningContent } = await import("@/lib/cases/officer-actions");
  const { NOW, keyPool, legalEntityRequest, signWith } = await import("../pki/helpers");
  const keys = keyPool(5);
  const crlUrl = "http://portal.test/api/pki/crl";
  await getSandboxCa(db, { now: NOW, crlUrl, keyGenerator: keys });
  await db.user.update({ where: { id: o.head.userId }, data: { iin: o.iin } });
  const pair = await issueCertificatePair(db, {
    request: legalEntityRequest({ iin: o.iin, bin: DEMO_ORGANISATION_BINS[o.organisationCode]!, role: "first_head" }),
    userId: o.head.userId,
    actor: systemActor("test"),
    now: NOW,
    keepPkcs12: true,
    crlUrl,
    keyGenerator: keys,
  });
  const sign = async (applicationId: string, at: Date, content?: Uint8Array) => {
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { subject: true } });
    const bytes = content ?? decisionSigningContent(app)!;
    return Buffer.from(signWith(pair.signing.pkcs12!, bytes, at)).toString("base64");
  };
  /**
   * A licence decision as the signing widget does it in one step: prepare the licence PDF for this
   * certificate, sign its byte ranges and the decision bytes with the same key.
   */
  const signLicence = async (c: { actor: UserActor; now: Date }, applicationId: string, at: Date) => {
    const { prepareDecisionDocument } = await import("@/lib/cases/licence-signing");
    const { signedBytes } = await import("@/lib/trust/pades");
    const { openPkcs12 } = await import("@/lib/trust/pki");
    const { PASSWORD } = await import("../pki/helpers");
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    const certificateBase64 = Buffer.from(openPkcs12(pair.signing.pkcs12!, PASSWORD).certificateDer).toString("base64");
    const prepared = await prepareDecisionDocument(db, c, { applicationId, expectedVersion: app.version, certificateBase64 });
    const pdfCms = Buffer.from(signWith(pair.signing.pkcs12!, signedBytes(prepared.pdf, prepared.byteRange), at)).toString("base64");
    return { cmsBase64: await sign(applicationId, at), document: { preparationId: prepared.preparationId, cmsBase64: pdfCms }, prepared };
  };
  return { sign, signLicence, pkcs12: pair.signing.pkcs12! };
}
