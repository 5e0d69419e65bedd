"use server";

import { action } from "@/app/_server/action";
import { getDb } from "@/lib/platform/db";
import {
  assignApplication,
  draftDecision,
  handOver,
  recordCheck,
  registerApplication,
  signDecision,
  startReview,
  ZAssignInput,
  ZDraftDecisionInput,
  ZHandOverInput,
  ZRecordCheckInput,
  ZRegisterInput,
  ZSignDecisionInput,
  ZStartReviewInput,
} from "@/lib/cases/officer-actions";

// Coarse role gates; the workflow engine is the authority on who may act at which step.
const CLERK = ["OFFICE_CLERK"] as const;
const ASSIGNERS = ["HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD"] as const;
const EXECUTOR = ["EXECUTOR"] as const;
const SIGNERS = ["HEAD", "DEPUTY_HEAD"] as const;
// 003: the executor hands the grain licence over [003 L224-233].
const HAND_OVER = ["OFFICE_CLERK", "EXECUTOR"] as const;

// No revalidatePath here: the pages are dynamic, and the form navigates to `?done=…&v=<version>`
// itself (a revalidation in the action response would remount the form before it could).

export const registerAction = action(ZRegisterInput, async (input, ctx) => registerApplication(getDb(), ctx, input), { roles: CLERK });

export const assignAction = action(ZAssignInput, async (input, ctx) => assignApplication(getDb(), ctx, input), { roles: ASSIGNERS });

export const startReviewAction = action(ZStartReviewInput, async (input, ctx) => startReview(getDb(), ctx, input), { roles: EXECUTOR });

export const recordCheckAction = action(ZRecordCheckInput, async (input, ctx) => recordCheck(getDb(), ctx, input), { roles: EXECUTOR });

export const draftDecisionAction = action(ZDraftDecisionInput, async (input, ctx) => draftDecision(getDb(), ctx, input), { roles: EXECUTOR });

/**
 * Signing the decision with EDS: the `cmsBase64` from the signing component is
 * verified with `verifyAndRecordDecisionSignature` first and its Signature id becomes the
 * command's `signatureRef` (see lib/cases/officer-actions/sign-decision.ts).
 */
export const signDecisionAction = action(ZSignDecisionInput, async (input, ctx) => signDecision(getDb(), ctx, input), { roles: SIGNERS });

export const handOverAction = action(ZHandOverInput, async (input, ctx) => handOver(getDb(), ctx, input), { roles: HAND_OVER });
