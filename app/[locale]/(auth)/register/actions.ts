"use server";

import { getLocale } from "next-intl/server";
import { publicAction } from "@/app/_server/action";
import { publicLimiter } from "@/app/_server/public-limit";
import { registerApplicant, ZRegisterApplicantInput } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";

export const registerApplicantAction = publicAction(ZRegisterApplicantInput, async (input, { now, meta }) => {
  // Per client address, shared by all instances (issue 13 F4); counted before anything is written.
  const rate = await publicLimiter("registration").hit(`ip:${meta.ip ?? "unknown"}`, now);
  if (!rate.allowed) throw new DomainError("api.rate_limited", { retryAfterSeconds: rate.retryAfterSeconds });
  const user = await registerApplicant(getDb(), input, { now, meta, locale: await getLocale() });
  return { userId: user.userId };
}, { public: "visitors register" });
