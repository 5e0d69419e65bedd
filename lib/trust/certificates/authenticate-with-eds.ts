import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { type SessionUser, completeSignIn, sessionUserSelect } from "@/lib/platform/auth";
import { DomainError, type ErrorCode } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { verifyAuthChallenge } from "@/lib/trust/pki/server";
import { authChallengeBytes } from "./auth-challenge";
import { publicBaseUrl } from "./config";
import { type VerificationContext, getVerificationContext } from "./verification-context";

/**
 * EDS sign-in (as on egov.kz): the browser signs the server's challenge with the
 * **authentication** key; the account is the applicant account whose login is the
 * certificate's BIN (legal-entity certificate, OU=BIN…) or else its IIN (SERIALNUMBER=IIN…).
 * Every outcome is audited; failures throw DomainError codes the sign-in form translates.
 */

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const ZEdsSignInInput = z.object({
  challengeId: z.uuid({ message: "eds.errors.challenge_invalid" }),
  /** Detached CMS, base64 (at most ~1 MiB of DER). */
  cms: z.string().trim().min(16).max(1_400_000).regex(BASE64, { message: "eds.errors.malformed_input" }),
});
export type TEdsSignInInput = z.infer<typeof ZEdsSignInInput>;

export type EdsSignInContext = {
  now: Date;
  meta?: RequestMeta;
  /** Audience written into the challenge (defaults to the public base URL). */
  audience?: string;
  /** Pre-built verification context (tests); normally the shared one. */
  verification?: VerificationContext;
};

async function refuse(db: DbOrTx, ctx: EdsSignInContext, code: ErrorCode, data: Record<string, unknown>, entityId: string): Promise<never> {
  await recordAudit(db, {
    type: "auth.sign_in_failed",
    actor: null,
    at: ctx.now,
    entityType: "login",
    entityId,
    data: { method: "eds", code, ...data },
    meta: ctx.meta,
  });
  throw new DomainError(code);
}

/** Marks the challenge used (at most once, before expiry) and returns the bytes that were to be signed. */
async function consumeChallenge(db: DbOrTx, challengeId: string, ctx: EdsSignInContext): Promise<Uint8Array> {
  const row = await db.authChallenge.findUnique({ where: { id: challengeId } });
  if (!row) return refuse(db, ctx, "eds.errors.challenge_invalid", { challengeId }, challengeId);
  const taken = await db.authChallenge.updateMany({
    where: { id: challengeId, usedAt: null, expiresAt: { gt: ctx.now } },
    data: { usedAt: ctx.now },
  });
  if (taken.count !== 1) {
    const current = await db.authChallenge.findUnique({ where: { id: challengeId }, select: { usedAt: true } });
    const code = current?.usedAt ? "eds.errors.challenge_used" : "eds.errors.challenge_expired";
    return refuse(db, ctx, code, { challengeId }, challengeId);
  }
  return authChallengeBytes(row, ctx.audience ?? publicBaseUrl());
}

export async function authenticateWithEds(
  db: DbOrTx,
  input: { challengeId: string; cms: Uint8Array },
  ctx: EdsSignInContext,
): Promise<SessionUser> {
  const challenge = await consumeChallenge(db, input.challengeId, ctx);
  const { trustStore, revocations } = ctx.verification ?? (await getVerificationContext(db, ctx.now));
  const result = await verifyAuthChallenge({ cms: input.cms, challenge, trustStore, revocations, now: ctx.now });
  const cert = result.signer ? { certSerial: result.signer.serial, iin: result.signer.iin, bin: result.signer.bin } : {};
  if (result.status !== "valid") {
    return refuse(db, ctx, `eds.sign_in_status.${result.status}`, { status: result.status, reason: result.reason ?? null, ...cert }, result.signer?.bin ?? result.signer?.iin ?? input.challengeId);
  }
  const login = result.bin ?? result.iin;
  const user = login
    ? await db.user.findFirst({ where: { login, role: "APPLICANT", active: true }, select: sessionUserSelect })
    : null;
  // One generic refusal: no applicant account, or an inactive one.
  if (!user) return refuse(db, ctx, "eds.errors.sign_in_refused", { reason: "no_account", ...cert }, login ?? input.challengeId);
  return completeSignIn(db, user, ctx, { method: "eds", subjectRole: result.subjectRole, ...cert });
}

/** Boundary helper: base64 CMS from the form → bytes (input already checked by ZEdsSignInInput). */
export function decodeBase64(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, "base64"));
}
