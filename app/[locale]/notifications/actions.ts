"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { markRead, ZMarkReadInput } from "@/lib/integration/notifications";

/** Marks one, several (`id` fields) or all (`all=1`) of the actor's own notifications as read. */
export const markNotificationsReadAction = action(ZMarkReadInput, async (input, { actor, now }) => {
  const count = await markRead(getDb(), "all" in input ? { actor, now, all: true } : { actor, now, ids: input.ids });
  // The header badge and the list both change.
  revalidatePath("/", "layout");
  return { count };
}, { permission: "account.self" });
