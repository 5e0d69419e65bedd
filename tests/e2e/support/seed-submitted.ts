/**
 * Test-only seeding for the officer browser journeys: one SUBMITTED application in the e2e
 * database, made the way the portal makes it — a draft of the demo applicant, then the workflow's
 * `payment_confirmed` and `signature_verified` (system actor) and `submit` (the applicant) through
 * `executeCommand`, so the steps, deadlines, registration number and audit rows are the real ones.
 *
 * Run as a script (the Prisma client and the catalogue are loaded by tsx, not by Playwright):
 *   npx tsx tests/e2e/support/seed-submitted.ts --organisation atyrau --applicant 110740000007
 * prints one JSON line `{"id":"…","registrationNumber":"EL-…"}`. Specs call `seedSubmitted()`,
 * which runs exactly that. Specs that start from an issued licence use seed-licence.ts.
 * Database: TEST_E2E_DATABASE_URL, else the e2e server's database on TEST_DATABASE_URL's server (E2E_DATABASE, default `elicense_e2e`, see scripts/e2e-server.mjs).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type SeedOptions = {
  /** Organisation code (`atyrau`, `aktobe`, `east-kazakhstan`, …). */
  organisation: string;
  /** Login of the demo applicant (their BIN/IIN). */
  applicant: string;
  service?: string;
  variant?: "ISSUE" | "REISSUE" | "DUPLICATE";
  /** Activity sub-types applied for (catalogue codes). */
  subtypes?: string[];
};
export type SeedResult = { id: string; registrationNumber: string | null };

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "../../..");

export function e2eDatabaseUrl(): string {
  if (process.env.TEST_E2E_DATABASE_URL) return process.env.TEST_E2E_DATABASE_URL;
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("Set TEST_E2E_DATABASE_URL (or TEST_DATABASE_URL, as scripts/test.mjs e2e does).");
  const u = new URL(admin);
  u.pathname = `/${process.env.E2E_DATABASE ?? "elicense_e2e"}`;
  return u.toString();
}

/** From a Playwright spec: runs this file with tsx and returns the new application. */
export function seedSubmitted(o: SeedOptions): SeedResult {
  const args = ["--organisation", o.organisation, "--applicant", o.applicant];
  if (o.service) args.push("--service", o.service);
  if (o.variant) args.push("--variant", o.variant);
  if (o.subtypes?.length) args.push("--subtypes", o.subtypes.join(","));
  return runSeedScript<SeedResult>(here, args);
}

/** Runs a seeding script with tsx against the e2e database; its last stdout line is JSON. */
export function runSeedScript<R>(file: string, args: string[]): R {
  const out = execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file, ...args], {
    cwd: root,
    env: { ...process.env, TEST_E2E_DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  const line = out.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as R;
}

export const DEFAULT_SUBTYPES: Record<string, string[]> = {
  "scrap-metal-licence": ["ferrous-collection", "ferrous-storage"],
  "grain-warehouse-receipts-licence": ["grain-warehouse-services"],
};

async function seed(o: SeedOptions): Promise<SeedResult> {
  const { createDb } = await import("@/lib/platform/db");
  const { executeCommand } = await import("@/lib/cases/applications");
  const { systemActor, sessionUserSelect, toSessionUser } = await import("@/lib/platform/auth");
  const { feeFor } = await import("@/lib/law/catalogue");
  const db = createDb(e2eDatabaseUrl());
  try {
    const now = new Date();
    const service = o.service ?? "scrap-metal-licence";
    const variant = o.variant ?? "ISSUE";
    const organisation = await db.organisation.findUniqueOrThrow({ where: { code: o.organisation }, select: { id: true } });
    const user = await db.user.findUniqueOrThrow({ where: { login: o.applicant }, select: sessionUserSelect });
    const { locale: _locale, ...session } = toSessionUser(user);
    const applicant = { kind: "user" as const, ...session };
    const subject = await db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
    const app = await db.application.create({
      data: {
        serviceCode: service,
        variant,
        organisationId: organisation.id,
        subjectId: subject.id,
        createdById: applicant.userId,
        applicantName: subject.name,
        applicantIdentifier: subject.identifier,
        formData: {
          activitySubtypes: o.subtypes ?? DEFAULT_SUBTYPES[service] ?? [],
          activityAddress: subject.legalAddress ?? "—",
          contactPhone: "+77122304050",
          contactEmail: subject.email ?? "e2e@example.kz",
        },
      },
    });
    // The fee as the gateway would have recorded it (the officer page shows the Payment row).
    let paymentCode: string | undefined;
    try {
      const fee = feeFor(service, variant.toLowerCase() as "issue", now);
      if (!fee.free) {
        paymentCode = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
        await db.payment.create({
          data: { applicationId: app.id, paymentCode, amountKzt: fee.amountKzt, mci: fee.mci, mciYear: now.getUTCFullYear(), status: "PAID", channel: "GATEWAY", paidAt: now },
        });
      }
    } catch {
      paymentCode = undefined; // no MCI value for this year: the workflow fact is enough
    }
    const system = systemActor("e2e-seed");
    await executeCommand(db, { actor: system, applicationId: app.id, command: { type: "payment_confirmed", paymentRef: paymentCode }, now });
    await executeCommand(db, { actor: system, applicationId: app.id, command: { type: "signature_verified" }, now });
    const { application } = await executeCommand(db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now });
    return { id: application.id, registrationNumber: application.registrationNumber };
  } finally {
    await db.$disconnect();
  }
}

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** CLI end of a seeding script: one JSON line on stdout (read by runSeedScript). */
export function printAndExit(result: unknown): never {
  console.log(JSON.stringify(result));
  process.exit(0);
}

export function failAndExit(e: unknown): never {
  console.error(e);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const organisation = argValue("organisation");
  const applicant = argValue("applicant");
  if (!organisation || !applicant) {
    console.error("usage: tsx tests/e2e/support/seed-submitted.ts --organisation <code> --applicant <login> [--service <code>] [--variant ISSUE] [--subtypes a,b]");
    process.exit(2);
  }
  seed({
    organisation,
    applicant,
    service: argValue("service"),
    variant: argValue("variant") as SeedOptions["variant"],
    subtypes: argValue("subtypes")?.split(","),
  }).then(printAndExit, failAndExit);
}
