/**
 * Test-only seeding for the browser tests of signed licences:
 *   npx tsx tests/e2e/support/seed-signed-licence.ts signed --out <file.pdf>
 *     → a licence of «Каспий Вторчермет» issued in Atyrau through the officers' use cases and signed
 *       by the demo head `atyrau.head` with the demo signing key (node-forge, as the browser signs):
 *       the decision and the PAdES licence PDF in one step; the PDF is written to `--out`;
 *   npx tsx tests/e2e/support/seed-signed-licence.ts licence-of --application <id>
 *     → the licence issued for an application (after the head signed it in the browser).
 * Prints one JSON line `{"licenceId":"…","number":"KZ…"}`. Database: see seed-submitted.ts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withDb } from "./seed-licence";
import { argValue, failAndExit, printAndExit, runSeedScript, type SeedResult } from "./seed-submitted";

export type SignedLicence = { licenceId: string; number: string };

const here = fileURLToPath(import.meta.url);
const submittedScript = path.join(path.dirname(here), "seed-submitted.ts");
const APPLICANT = "110740000007"; // «Каспий Вторчермет» ЖШС, Atyrau
const HEAD_BIN = "990540002404";

/** From a Playwright spec: a signed licence, its PDF written to `out`. */
export function seedSignedLicence(out: string): SignedLicence {
  return runSeedScript<SignedLicence>(here, ["signed", "--out", out]);
}

/** From a Playwright spec: an Atyrau application waiting for the head's signature (licence drafted). */
export function seedAwaitingSignature(): { id: string; registrationNumber: string } {
  return runSeedScript<{ id: string; registrationNumber: string }>(here, ["to-sign"]);
}

/** From a Playwright spec: the licence the head's signature issued for an application. */
export function licenceOfApplication(applicationId: string): SignedLicence {
  return runSeedScript<SignedLicence>(here, ["licence-of", "--application", applicationId]);
}

async function toSign(): Promise<{ id: string; registrationNumber: string }> {
  const submitted = runSeedScript<SeedResult>(submittedScript, ["--organisation", "atyrau", "--applicant", APPLICANT]);
  const { sessionUserSelect, toSessionUser } = await import("@/lib/platform/auth");
  const { driveToSigning } = await import("../../integration/licences/signing-flow");
  const { DEFAULT_SUBTYPES } = await import("./seed-submitted");
  await withDb(async (db) => {
    const actor = async (login: string) => {
      const { locale: _l, ...session } = toSessionUser(await db.user.findUniqueOrThrow({ where: { login }, select: sessionUserSelect }));
      return { kind: "user" as const, ...session };
    };
    const [clerk, head, executor] = await Promise.all([actor("atyrau.clerk"), actor("atyrau.head"), actor("atyrau.executor")]);
    await driveToSigning(db, { applicationId: submitted.id, clerk, head, executor, subtypes: DEFAULT_SUBTYPES["scrap-metal-licence"]!, start: new Date() });
  });
  return { id: submitted.id, registrationNumber: submitted.registrationNumber! };
}

async function signed(out: string): Promise<SignedLicence> {
  const submitted = runSeedScript<SeedResult>(submittedScript, ["--organisation", "atyrau", "--applicant", APPLICANT]);
  const { sessionUserSelect, toSessionUser } = await import("@/lib/platform/auth");
  const { signDecision } = await import("@/lib/cases/officer-actions");
  const { getLicencePdfFile, prepareDecisionDocument } = await import("@/lib/cases/licence-signing");
  const { getDemoPkcs12 } = await import("@/lib/trust/certificates");
  const { openPkcs12, signDetached } = await import("@/lib/trust/pki");
  const { signedBytes } = await import("@/lib/trust/pades");
  const { decisionSigningContent } = await import("@/lib/cases/officer-actions");
  const { driveToSigning } = await import("../../integration/licences/signing-flow");
  const { DEFAULT_SUBTYPES } = await import("./seed-submitted");
  const { EDS_PASSWORD } = await import("./demo-keys");
  return withDb(async (db) => {
    const actor = async (login: string) => {
      const { locale: _l, ...session } = toSessionUser(await db.user.findUniqueOrThrow({ where: { login }, select: sessionUserSelect }));
      return { kind: "user" as const, ...session };
    };
    const [clerk, head, executor] = await Promise.all([actor("atyrau.clerk"), actor("atyrau.head"), actor("atyrau.executor")]);
    const id = submitted.id;
    await driveToSigning(db, { applicationId: id, clerk, head, executor, subtypes: DEFAULT_SUBTYPES["scrap-metal-licence"]!, start: new Date() });
    const cert = await db.issuedCertificate.findFirstOrThrow({ where: { userId: head.userId, bin: HEAD_BIN, purpose: "SIGNING", p12: { not: null } }, orderBy: { createdAt: "desc" } });
    const key = openPkcs12((await getDemoPkcs12(db, cert.serial))!.bytes, EDS_PASSWORD);
    const now = new Date();
    const app = await db.application.findUniqueOrThrow({ where: { id }, include: { subject: true } });
    const prepared = await prepareDecisionDocument(db, { actor: head, now }, { applicationId: id, expectedVersion: app.version, certificateBase64: Buffer.from(key.certificateDer).toString("base64") });
    const sign = (content: Uint8Array) => Buffer.from(signDetached({ ...key, content, signingTime: now })).toString("base64");
    await signDecision(db, { actor: head, now }, {
      applicationId: id,
      expected: { version: app.version, status: app.status as "IN_PROGRESS", stepKey: app.stepKey },
      cmsBase64: sign(decisionSigningContent(app)!),
      document: { preparationId: prepared.preparationId, cmsBase64: sign(signedBytes(prepared.pdf, prepared.byteRange)) },
    });
    const licence = await db.licence.findFirstOrThrow({ where: { applicationId: id }, select: { id: true, number: true } });
    writeFileSync(out, (await getLicencePdfFile(db, head, licence.id)).pdf);
    return { licenceId: licence.id, number: licence.number };
  });
}

async function licenceOf(applicationId: string): Promise<SignedLicence> {
  return withDb(async (db) => {
    const l = await db.licence.findFirstOrThrow({ where: { applicationId }, select: { id: true, number: true } });
    return { licenceId: l.id, number: l.number };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const command = process.argv[2];
  const run =
    command === "signed" && argValue("out") ? signed(argValue("out")!) : command === "to-sign" ? toSign() : command === "licence-of" && argValue("application") ? licenceOf(argValue("application")!) : null;
  if (!run) {
    console.error("usage: tsx tests/e2e/support/seed-signed-licence.ts signed --out <file.pdf> | licence-of --application <id>");
    process.exit(2);
  }
  run.then(printAndExit, failAndExit);
}
