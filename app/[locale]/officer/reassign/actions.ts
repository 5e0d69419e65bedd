"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { reassignApplications, ZReassignInput } from "@/lib/cases/worklist";

/** Bulk reassignment by the head: one transaction per application, each reported on its own. */
export const reassignAction = action(
  ZReassignInput,
  async (input, { actor, now, meta }) => {
    const results = await reassignApplications(getDb(), { actor, input, now, meta });
    revalidatePath("/[locale]/officer", "layout");
    return results;
  },
  { permission: "application.reassign_bulk" },
);
