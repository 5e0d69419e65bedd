import { z } from "zod";
import { VARIANTS } from "@/lib/law/catalogue";
import { ZSafeJsonObject } from "@/lib/platform/core";

export const ZCreateDraftInput = z.object({
  serviceCode: z.string().min(1).max(100),
  variant: z.enum(VARIANTS),
  organisationCode: z.string().min(1).max(60),
  baseLicenceId: z.string().uuid().optional(),
});
export type TCreateDraftInput = z.infer<typeof ZCreateDraftInput>;

export const ZSaveDraftInput = z.object({
  applicationId: z.string().uuid(),
  expectedVersion: z.coerce.number().int().nonnegative(),
  // Strings at any depth of the form (nested JSON too) must be storable (no NUL, no lone surrogate).
  formData: ZSafeJsonObject,
});
export type TSaveDraftInput = z.infer<typeof ZSaveDraftInput>;

export const ZWithdrawInput = z.object({ applicationId: z.string().uuid(), reason: z.string().trim().max(1000).optional() });
