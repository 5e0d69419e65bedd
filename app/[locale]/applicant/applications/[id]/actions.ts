"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { executeCommand, saveDraft, submitApplication, ZSaveDraftInput, ZWithdrawInput } from "@/lib/cases/applications";
import { getDb } from "@/app/_server/db";
import { requestFingerprint, runIdempotent } from "@/lib/integration/api";

export const saveDraftAction = action(ZSaveDraftInput, async (input, { actor, now, meta }) => saveDraft(getDb(), input, { actor, now, meta }), { permission: "application.create" });

const ZSubmitInput = z.object({
  applicationId: z.string().uuid(),
  /** Base64 DER CMS SignedData; the size limit is enforced again by lib/pki. */
  cms: z.string().min(100).max(1_400_000).regex(/^[A-Za-z0-9+/=]+$/, { message: "pki.unsupported_format" }),
  /**
   * One per submission attempt, kept by the panel until an answer arrives: a double click or a
   * retry after a lost answer gets the first answer instead of `applications.already_submitted`.
   */
  idempotencyKey: z.string().uuid().optional(),
});

type TSubmitOutcome = { ok: true; registrationNumber: string; dueAt: string } | { ok: false; status: string };

export const submitApplicationAction = action(
  ZSubmitInput,
  async (input, { actor, now, meta }) => {
    const run = async (db: ReturnType<typeof getDb>): Promise<TSubmitOutcome> => {
      const result = await submitApplication(db, { actor, applicationId: input.applicationId, cms: new Uint8Array(Buffer.from(input.cms, "base64")), now, meta });
      return result.ok
        ? { ok: true as const, registrationNumber: result.registrationNumber, dueAt: result.dueAt.toISOString() }
        : { ok: false as const, status: result.signature.status };
    };
    // No revalidation here: the page keeps the notification-report on screen (the pages are dynamic).
    if (!input.idempotencyKey) return run(getDb());
    // Each click signs anew (another signing time), so "the same request" is the same application.
    const r = await runIdempotent(
      getDb(),
      { scope: `user:${actor.userId}`, key: input.idempotencyKey, operation: "portal.submit", requestHash: requestFingerprint("portal.submit", { id: input.applicationId }, null), now },
      async (db) => ({ status: 200, body: await run(db) }),
    );
    return r.body as TSubmitOutcome;
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
