"use server";

import { z } from "zod";
import { publicAction } from "@/app/_server/action";
import { apiRuntime } from "@/app/api/v1/_lib/runtime";
import { DomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { API_ERROR_CODES, ZFileVerification } from "@/lib/integration/api";
import { MAX_VERIFY_FILE_BYTES, verifySignedFile } from "@/lib/cases/licence-signing";
import { getVerificationContext } from "@/lib/trust/certificates";

const ZFileCheckInput = z.object({
  file: z.instanceof(File, { message: "licences.upload_missing" }),
  signature: z.instanceof(File).optional(),
});

export type TFileCheck = z.input<typeof ZFileVerification>;

/**
 * Public (no sign-in): the page's check of a signed file, the same use case and answer as
 * `POST /api/v1/verification`, under the same per-address rate limit and size limit.
 */
export const checkFileAction = publicAction(ZFileCheckInput, async (input, { now, meta }): Promise<TFileCheck> => {
  const rate = await apiRuntime().rateLimiter().hit(`ip:${meta.ip ?? "unknown"}`, now);
  if (!rate.allowed) throw new DomainError(API_ERROR_CODES.rateLimited, { retryAfterSeconds: rate.retryAfterSeconds });
  if (input.file.size > MAX_VERIFY_FILE_BYTES) throw new DomainError("licences.upload_too_large");
  const file = new Uint8Array(await input.file.arrayBuffer());
  const signature = input.signature && input.signature.size > 0 ? new Uint8Array(await input.signature.arrayBuffer()) : null;
  const db = getDb();
  const { trustStore, revocations } = await getVerificationContext(db, now);
  const result = await verifySignedFile(db, { file, signature }, { trustStore, revocations, now });
  return z.encode(ZFileVerification, { checkedAt: now, ...result });
}, { public: "anyone may check a signed licence file" });
