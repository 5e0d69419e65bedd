"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { setOrganisationActive, updateOrganisation, ZSetOrganisationActiveInput, ZUpdateOrganisationInput } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";

export const updateOrganisationAction = action(
  ZUpdateOrganisationInput,
  async (input, { actor, now, meta }) => {
    const r = await updateOrganisation(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin", "layout");
    return r;
  },
  { permission: "admin.organisations" },
);

export const setOrganisationActiveAction = action(
  ZSetOrganisationActiveInput,
  async (input, { actor, now, meta }) => {
    const r = await setOrganisationActive(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin", "layout");
    return r;
  },
  { permission: "admin.organisations" },
);
