"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/lib/platform/db";
import { resumeLicence, suspendLicence, terminateLicence, ZResumeLicenceInput, ZSuspendLicenceInput, ZTerminateLicenceInput } from "@/lib/cases/licences";

const MANAGERS = ["HEAD", "DEPUTY_HEAD"] as const;

export const suspendLicenceAction = action(
  ZSuspendLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await suspendLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { roles: MANAGERS },
);

export const resumeLicenceAction = action(
  ZResumeLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await resumeLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { roles: MANAGERS },
);

export const terminateLicenceAction = action(
  ZTerminateLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await terminateLicence(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { roles: MANAGERS },
);
