"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { executeCommand, saveDraft, submitApplication, ZSaveDraftInput, ZWithdrawInput } from "@/lib/cases/applications";
import { getDb } from "@/app/_server/db";

export const saveDraftAction = action(ZSaveDraftInput, async (input, { actor, now, meta }) => saveDraft(getDb(), input, { actor, now, meta }), { permission: "application.create" });

const ZSubmitInput = z.object({
  applicationId: z.string().uuid(),
  /** Base64 DER CMS SignedData; the size limit is enforced again by lib/pki. */
  cms: z.string().min(100).max(1_400_000).regex(/^[A-Za-z0-9+/=]+$/, { message: "pki.unsupported_format" }),
});

export const submitApplicationAction = action(
  ZSubmitInput,
  async (input, { actor, now, meta }) => {
    const result = await submitApplication(getDb(), { actor, applicationId: input.applicationId, cms: new Uint8Array(Buffer.from(input.cms, "base64")), now, meta });
    // No revalidation here: the page keeps the notification-report on screen (the pages are dynamic).
    return result.ok
      ? { ok: true as const, registrationNumber: result.registrationNumber, dueAt: result.dueAt.toISOString() }
      : { ok: false as const, status: result.signature.status };
  },
  { permission: "application.submit" },
);

export const withdrawAction = action(
  ZWithdrawInput,
  async (input, { actor, now, meta }) => {
    await executeCommand(getDb(), { actor, applicationId: input.applicationId, command: { type: "withdraw", reason: input.reason }, now, meta });
    revalidatePath("/[locale]/applicant", "layout");
    return { withdrawn: true };
  },
  { permission: "application.withdraw" },
);
