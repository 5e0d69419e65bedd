"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { clearThrottle, signInAddressLimiter, ZClearThrottle } from "@/lib/platform/auth";
import { getDb } from "@/app/_server/db";

export const clearThrottleAction = action(
  ZClearThrottle,
  async (input, { actor, now, meta }) => {
    await clearThrottle(getDb(), input, { actor, now, meta, addressLimiter: signInAddressLimiter() });
    revalidatePath("/[locale]/admin/sign-in-throttle", "page");
    return { cleared: true };
  },
  { permission: "admin.users" },
);
