import { createHash } from "node:crypto";
import { getOrganisation, organisationsForService, pscsForService } from "@/lib/law/organisations";
import type { TService } from "@/lib/law/catalogue";
import { fieldError } from "@/lib/platform/core";
import { almatyDate } from "@/lib/platform/i18n";
import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";

/** The paper channels: the provider's counter, a Public Service Centre, a letter to the office. */
export const PAPER_CHANNELS = ["PROVIDER", "PSC", "POST"] as const;
export type TPaperChannel = (typeof PAPER_CHANNELS)[number];

/** The paper channels an officer takes in: a PSC operator the centre's packages, an office clerk the counter and the post. */
export function paperChannelsFor(actor: { kind: string; role?: string }): TPaperChannel[] {
  if (actor.kind !== "user") return [...PAPER_CHANNELS];
  return actor.role === "PSC_OPERATOR" ? ["PSC"] : ["PROVIDER", "POST"];
}

export type TIntakeChannel = { channel: TPaperChannel; organisationId: string; pscId: string | null; receivedByPostOn: string | null; replyByPost: boolean };

/**
 * Where a paper application goes and how it came:
 * - a PSC operator accepts for the services their centre forwards (standard 2 [004 L645-648]); the
 *   application belongs to the provider of the service (the Committee, or the regional body of the
 *   centre's region) and remembers the centre;
 * - an office clerk at the counter (PROVIDER) or from a letter (POST, where the standard allows it
 *   [004 L2616-2619, L7855-7858]; the date of receipt may not be in the future).
 */
export async function resolveIntakeChannel(
  db: DbOrTx,
  actor: UserActor,
  service: TService,
  input: { post?: { receivedOn: string; replyByPost: boolean } | null; replyByPost?: boolean },
  now: Date,
): Promise<TIntakeChannel> {
  const own = await db.organisation.findUnique({ where: { id: actor.organisationId! }, select: { id: true, code: true, kind: true, region: true } });
  if (!own) fieldError("intake.service_not_provided", "serviceCode");
  if (actor.role === "PSC_OPERATOR") {
    if (own.kind !== "PSC" || !pscsForService(service.code).some((p) => p.code === own.code)) fieldError("intake.service_not_provided", "serviceCode");
    const providers = organisationsForService(service.code);
    const provider = providers.length === 1 ? providers[0] : providers.find((p) => p.region === own.region);
    const row = provider ? await db.organisation.findUnique({ where: { code: provider.code }, select: { id: true } }) : null;
    if (!row) fieldError("intake.service_not_provided", "serviceCode");
    return { channel: "PSC", organisationId: row.id, pscId: own.id, receivedByPostOn: null, replyByPost: false };
  }
  const offered = await db.organisationService.count({ where: { organisationId: own.id, serviceCode: service.code } });
  if (!offered) fieldError("intake.service_not_provided", "serviceCode");
  if (!input.post) return { channel: "PROVIDER", organisationId: own.id, pscId: null, receivedByPostOn: null, replyByPost: input.replyByPost ?? false };
  if (!service.postalSubmission) fieldError("intake.post_not_allowed", "receivedByPost");
  const day = input.post.receivedOn;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) fieldError("validation.invalid_format", "receivedOn");
  if (day > almatyDate(now)) fieldError("intake.received_in_future", "receivedOn");
  return { channel: "POST", organisationId: own.id, pscId: null, receivedByPostOn: day, replyByPost: input.post.replyByPost };
}

/** The services a PSC forwards, or that an office accepts at its counter. */
export function acceptedServiceCodes(orgCode: string): readonly string[] {
  const org = getOrganisation(orgCode);
  if (!org) return [];
  return org.kind === "psc" ? org.acceptsFor : org.services;
}

/**
 * The bytes a PSC operator signs to certify the scans [004 L645-648]: the application and, per
 * scan in a stable order, its slot, SHA-256 and file name. A scan added or removed afterwards
 * changes the bytes, so the signature no longer covers the package.
 */
export function scanListBytes(applicationId: string, scans: readonly { slotKey: string; sha256: string; fileName: string }[]): Uint8Array {
  const lines = scans.map((s) => `${s.slotKey}\t${s.sha256}\t${s.fileName.replace(/[\t\r\n]+/g, " ")}`).sort();
  return new TextEncoder().encode([`e-licensing scan list v1`, `application\t${applicationId}`, ...lines].join("\n") + "\n");
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
