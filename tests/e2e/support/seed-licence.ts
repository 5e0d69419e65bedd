/**
 * Test-only seeding for the licence browser journeys (re-issue, duplicate, superseded):
 *   npx tsx tests/e2e/support/seed-licence.ts base --organisation atyrau --applicant 110740000007
 *     → an ISSUED application of the demo applicant and its licence (issueLicence, tacit), prints
 *       `{"licenceId":"…","number":"KZ…","applicationId":"…"}`;
 *   npx tsx tests/e2e/support/seed-licence.ts result --application <id>
 *     → the result of a submitted application (re-issue: the new version, the base superseded;
 *       duplicate: the duplicate), as the hand-over would write it; the application becomes ISSUED.
 * The licence rows, numbers, status events and audit are lib/cases/licences' own (issueLicence); only
 * the officers' review steps are skipped. Database: see seed-submitted.ts (e2eDatabaseUrl).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SUBTYPES, argValue, e2eDatabaseUrl, failAndExit, printAndExit, runSeedScript } from "./seed-submitted";

export type BaseLicence = { licenceId: string; number: string; applicationId: string };
export type LicenceResult = { licenceId: string; number: string; variant: string };

const here = fileURLToPath(import.meta.url);

export function seedIssuedLicence(o: { organisation: string; applicant: string; service?: string }): BaseLicence {
  const args = ["base", "--organisation", o.organisation, "--applicant", o.applicant];
  return runSeedScript<BaseLicence>(here, o.service ? [...args, "--service", o.service] : args);
}

export function issueApplicationResult(applicationId: string): LicenceResult {
  return runSeedScript<LicenceResult>(here, ["result", "--application", applicationId]);
}

/** Runs `fn` with a client of the e2e database (shared by the licence seeding scripts). */
export async function withDb<R>(fn: (db: import("@/lib/platform/db").Db) => Promise<R>): Promise<R> {
  const { createDb } = await import("@/lib/platform/db");
  const db = createDb(e2eDatabaseUrl());
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function base(organisationCode: string, login: string, service = "scrap-metal-licence"): Promise<BaseLicence> {
  const subtypes = DEFAULT_SUBTYPES[service] ?? [];
  const { issueLicence } = await import("@/lib/cases/licences");
  const { systemActor } = await import("@/lib/platform/auth");
  return withDb(async (db) => {
    const now = new Date();
    const organisation = await db.organisation.findUniqueOrThrow({ where: { code: organisationCode }, select: { id: true } });
    const user = await db.user.findUniqueOrThrow({ where: { login }, select: { id: true, subject: true } });
    const subject = user.subject!;
    const app = await db.application.create({
      data: {
        serviceCode: service,
        variant: "ISSUE",
        status: "ISSUED",
        organisationId: organisation.id,
        subjectId: subject.id,
        createdById: user.id,
        applicantName: subject.name,
        applicantIdentifier: subject.identifier,
        formData: { activitySubtypes: subtypes, activityAddress: subject.legalAddress ?? "—", contactPhone: "+77122304050", contactEmail: subject.email ?? "e2e@example.kz" },
      },
    });
    const r = await issueLicence(db, {
      application: { id: app.id, serviceCode: app.serviceCode, organisationId: app.organisationId, subjectId: app.subjectId, variant: "ISSUE" },
      decision: { subtypes, validFrom: now },
      tacit: true,
      now,
      actor: systemActor("e2e-seed"),
    });
    return { licenceId: r.licenceId, number: r.licenceNumber, applicationId: app.id };
  });
}

async function result(applicationId: string): Promise<LicenceResult> {
  const { issueLicence } = await import("@/lib/cases/licences");
  const { systemActor } = await import("@/lib/platform/auth");
  return withDb(async (db) => {
    const now = new Date();
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    const form = (app.formData ?? {}) as { duplicateReason?: string };
    const r = await db.$transaction(async (tx) => {
      const issued = await issueLicence(tx, {
        application: { id: app.id, serviceCode: app.serviceCode, organisationId: app.organisationId, subjectId: app.subjectId, variant: app.variant, baseLicenceId: app.baseLicenceId },
        decision: { validFrom: now, ...(form.duplicateReason ? { duplicateReason: form.duplicateReason } : {}) },
        tacit: true,
        now,
        actor: systemActor("e2e-seed"),
      });
      await tx.application.update({ where: { id: app.id }, data: { status: "ISSUED" } });
      return issued;
    });
    return { licenceId: r.licenceId, number: r.number, variant: r.variant };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const command = process.argv[2];
  const run =
    command === "base" && argValue("organisation") && argValue("applicant")
      ? base(argValue("organisation")!, argValue("applicant")!, argValue("service"))
      : command === "result" && argValue("application")
        ? result(argValue("application")!)
        : null;
  if (!run) {
    console.error("usage: tsx tests/e2e/support/seed-licence.ts base --organisation <code> --applicant <login> [--service <code>] | result --application <id>");
    process.exit(2);
  }
  run.then(printAndExit, failAndExit);
}
