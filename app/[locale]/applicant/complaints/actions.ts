"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { fileComplaint, rateComplaint, ZFileComplaintInput, ZRateComplaintInput } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";

/** Files the complaint; the answer carries the ticket so that the form can open it. */
export const fileComplaintAction = action(
  ZFileComplaintInput,
  async (input, { actor, now, meta }) => {
    const c = await fileComplaint(getDb(), { actor, input, now, meta });
    revalidatePath("/[locale]/applicant/complaints", "layout");
    return { id: c.id, ticketNumber: c.ticketNumber };
  },
  { permission: "complaint.file" },
);

/** The final satisfaction question of an answered complaint (once). */
export const rateComplaintAction = action(
  ZRateComplaintInput,
  async (input, { actor, now, meta }) => {
    await rateComplaint(getDb(), { ...input, actor, now, meta });
    revalidatePath("/[locale]/applicant/complaints", "layout");
    return { complaintId: input.complaintId };
  },
  { permission: "complaint.file" },
);
