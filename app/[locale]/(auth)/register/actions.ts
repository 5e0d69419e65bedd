"use server";

import { getLocale } from "next-intl/server";
import { publicAction } from "@/app/_server/action";
import { publicLimiter } from "@/app/_server/public-limit";
import { registerApplicantUniformly, ZRegisterApplicantInput } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";

// Per client address, shared by all instances (issue 13 F4), counted before anything is written;
// then the same answer whether the IIN/BIN was new or already registered (no account enumeration).
export const registerApplicantAction = publicAction(ZRegisterApplicantInput, async (input, { now, meta }) => {
  const rate = await publicLimiter("registration").hit(`ip:${meta.ip ?? "unknown"}`, now);
  if (!rate.allowed) throw new DomainError("api.rate_limited", { retryAfterSeconds: rate.retryAfterSeconds });
  return registerApplicantUniformly(getDb(), input, { now, meta, locale: await getLocale() });
}, { public: "visitors register" });
