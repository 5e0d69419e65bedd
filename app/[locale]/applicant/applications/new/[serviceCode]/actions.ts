"use server";

import { action } from "@/app/_server/action";
import { createDraft, ZCreateDraftInput } from "@/lib/cases/applications";
import { getDb } from "@/app/_server/db";

export const createDraftAction = action(ZCreateDraftInput, async (input, { actor, now, meta }) => {
  const app = await createDraft(getDb(), input, { actor, now, meta });
  return { id: app.id };
}, { permission: "application.create" });
