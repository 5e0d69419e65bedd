"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import {
  createOfficer,
  resetOfficerPassword,
  setOfficerActive,
  updateOfficer,
  ZCreateOfficerInput,
  ZResetOfficerPasswordInput,
  ZSetOfficerActiveInput,
  ZUpdateOfficerInput,
} from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { requireFreshSignIn } from "@/app/_server/session";

// Officers' accounts, roles and signing rights are changed only within 15 minutes of a sign-in
// (re-authentication, issue 13 F5 / ASVS 4.0 V3.7.1); otherwise `auth.reauthenticate`.

export const createOfficerAction = action(
  ZCreateOfficerInput,
  async (input, { actor, now, meta }) => {
    await requireFreshSignIn(now);
    const r = await createOfficer(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin", "layout");
    return r;
  },
  { permission: "admin.users" },
);

export const updateOfficerAction = action(
  ZUpdateOfficerInput,
  async (input, { actor, now, meta }) => {
    await requireFreshSignIn(now);
    const r = await updateOfficer(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin", "layout");
    return r;
  },
  { permission: "admin.users" },
);

export const setOfficerActiveAction = action(
  ZSetOfficerActiveInput,
  async (input, { actor, now, meta }) => {
    await requireFreshSignIn(now);
    const r = await setOfficerActive(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin", "layout");
    return r;
  },
  { permission: "admin.users" },
);

export const resetOfficerPasswordAction = action(
  ZResetOfficerPasswordInput,
  async (input, { actor, now, meta }) => {
    await requireFreshSignIn(now);
    return resetOfficerPassword(getDb(), actor, input, { now, meta });
  },
  { permission: "admin.users" },
);
