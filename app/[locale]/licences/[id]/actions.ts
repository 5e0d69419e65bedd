"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { resumeLicence, suspendLicence, terminateLicence, ZResumeLicenceInput, ZSuspendLicenceInput, ZTerminateLicenceInput } from "@/lib/cases/licences";


export const suspendLicenceAction = action(
  ZSuspendLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await suspendLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { permission: "licence.manage" },
);

export const resumeLicenceAction = action(
  ZResumeLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await resumeLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { permission: "licence.manage" },
);

export const terminateLicenceAction = action(
  ZTerminateLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await terminateLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { permission: "licence.manage" },
);
