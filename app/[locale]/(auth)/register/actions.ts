"use server";

import { getLocale } from "next-intl/server";
import { publicAction } from "@/app/_server/action";
import { registerApplicant, ZRegisterApplicantInput } from "@/lib/platform/auth";
import { getDb } from "@/app/_server/db";

export const registerApplicantAction = publicAction(ZRegisterApplicantInput, async (input, { now, meta }) => {
  const user = await registerApplicant(getDb(), input, { now, meta, locale: await getLocale() });
  return { userId: user.userId };
}, { public: "visitors register" });
