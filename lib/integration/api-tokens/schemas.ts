import { z } from "zod";

export const API_TOKEN_NAME_MAX = 100;

/** A label the applicant chooses to tell tokens apart ("1C integration", "CRM"). */
export const ZApiTokenName = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { message: "validation.required" })
  .max(API_TOKEN_NAME_MAX, { message: "validation.too_big" });

export const ZCreateApiTokenInput = z.object({ name: ZApiTokenName });
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({ tokenId: z.uuid() });
export type TRevokeApiTokenInput = z.infer<typeof ZRevokeApiTokenInput>;

/** What the owner sees of a token: never the hash. */
export type TApiTokenView = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const apiTokenViewSelect = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
