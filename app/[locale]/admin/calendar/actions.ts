"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { addCalendarYear, regenerateCalendarYear, updateCalendarYear, ZCalendarYearRef, ZUpdateCalendarYearInput } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";

export const updateCalendarYearAction = action(
  ZUpdateCalendarYearInput,
  async (input, { actor, now, meta }) => {
    const r = await updateCalendarYear(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin/calendar", "layout");
    return r;
  },
  { permission: "admin.calendar" },
);

export const regenerateCalendarYearAction = action(
  ZCalendarYearRef,
  async (input, { actor, now, meta }) => {
    const r = await regenerateCalendarYear(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin/calendar", "layout");
    return r;
  },
  { permission: "admin.calendar" },
);

export const addCalendarYearAction = action(
  ZCalendarYearRef,
  async (input, { actor, now, meta }) => {
    const r = await addCalendarYear(getDb(), actor, input, { now, meta });
    revalidatePath("/[locale]/admin/calendar", "layout");
    return { year: r.year, source: r.source };
  },
  { permission: "admin.calendar" },
);
