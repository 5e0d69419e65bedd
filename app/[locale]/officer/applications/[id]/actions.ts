"use server";

import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import {
  assignApplication,
  draftDecision,
  handOver,
  recordCheck,
  registerApplication,
  returnForRevision,
  signDecision,
  startReview,
  ZAssignInput,
  ZDraftDecisionInput,
  ZHandOverInput,
  ZRecordCheckInput,
  ZRegisterInput,
  ZReturnForRevisionInput,
  ZSignDecisionInput,
  ZStartReviewInput,
} from "@/lib/cases/officer-actions";

// Each action names its permission (lib/platform/auth/permissions.ts); the workflow engine is the
// authority on who may act at which step of the regulation.

// No revalidatePath here: the pages are dynamic, and the form navigates to `?done=…&v=<version>`
// itself (a revalidation in the action response would remount the form before it could).

export const registerAction = action(ZRegisterInput, async (input, ctx) => registerApplication(getDb(), ctx, input), { permission: "application.register" });

export const assignAction = action(ZAssignInput, async (input, ctx) => assignApplication(getDb(), ctx, input), { permission: "application.assign" });

export const startReviewAction = action(ZStartReviewInput, async (input, ctx) => startReview(getDb(), ctx, input), { permission: "application.review" });

export const recordCheckAction = action(ZRecordCheckInput, async (input, ctx) => recordCheck(getDb(), ctx, input), { permission: "application.review" });

export const draftDecisionAction = action(ZDraftDecisionInput, async (input, ctx) => draftDecision(getDb(), ctx, input), { permission: "decision.draft" });

/**
 * Signing the decision with EDS: the `cmsBase64` from the signing component is
 * verified with `verifyAndRecordDecisionSignature` first and its Signature id becomes the
 * command's `signatureRef` (see lib/cases/officer-actions/sign-decision.ts).
 */
export const signDecisionAction = action(ZSignDecisionInput, async (input, ctx) => signDecision(getDb(), ctx, input), { permission: "decision.sign" });

/** At the sign step the head may instead return the draft to the executor with a comment. */
export const returnForRevisionAction = action(ZReturnForRevisionInput, async (input, ctx) => returnForRevision(getDb(), ctx, input), { permission: "decision.return" });

export const handOverAction = action(ZHandOverInput, async (input, ctx) => handOver(getDb(), ctx, input), { permission: "licence.hand_over" });
