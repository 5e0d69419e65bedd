"use server";

import { getLocale } from "next-intl/server";
import { publicAction } from "@/app/_server/action";
import { registerApplicantUniformly, ZRegisterApplicantInput } from "@/lib/platform/auth";
import { getDb } from "@/app/_server/db";

// The same answer whether the IIN/BIN was new or already registered (no account enumeration).
export const registerApplicantAction = publicAction(ZRegisterApplicantInput, async (input, { now, meta }) => registerApplicantUniformly(getDb(), input, { now, meta, locale: await getLocale() }), { public: "visitors register" });
