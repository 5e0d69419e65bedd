"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { activateRegulationFile } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";

// The size and the name are checked again by the use case; this only requires a file.
const ZUpload = z.object({ file: z.file({ message: "validation.required" }) });

export const activateRegulationFileAction = action(
  ZUpload,
  async ({ file }, { actor, now, meta }) => {
    const r = await activateRegulationFile(getDb(), actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { now, meta });
    revalidatePath("/[locale]/admin/regulations", "layout");
    return r;
  },
  { permission: "admin.regulations" },
);
