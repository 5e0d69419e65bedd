"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { answerComplaint, extendComplaintTerm, takeComplaintInReview, ZAnswerComplaintInput, ZComplaintIdInput } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";


/** REGISTERED → IN_REVIEW by a supervisor in scope or the head of the organisation. */
export const takeComplaintAction = action(
  ZComplaintIdInput,
  async ({ complaintId }, { actor, now, meta }) => {
    await takeComplaintInReview(getDb(), { complaintId, actor, now, meta });
    revalidatePath("/[locale]/supervisor/complaints", "layout");
    return { complaintId };
  },
  { permission: "complaint.handle" },
);

/** IN_REVIEW → ANSWERED | REJECTED with the written answer; the applicant is notified. */
export const answerComplaintAction = action(
  ZAnswerComplaintInput,
  async (input, { actor, now, meta }) => {
    await answerComplaint(getDb(), { ...input, actor, now, meta });
    revalidatePath("/[locale]/supervisor/complaints", "layout");
    return { complaintId: input.complaintId };
  },
  { permission: "complaint.handle" },
);

/** Extends the answer term once (Law of 12 January 2007, art. 8); the applicant is notified. */
export const extendComplaintAction = action(
  ZComplaintIdInput,
  async ({ complaintId }, { actor, now, meta }) => {
    const r = await extendComplaintTerm(getDb(), { complaintId, actor, now, meta });
    revalidatePath("/[locale]/supervisor/complaints", "layout");
    return { complaintId, dueAt: r.dueAt.toISOString() };
  },
  { permission: "complaint.handle" },
);
