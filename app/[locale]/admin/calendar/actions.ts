"use server";

import { action } from "@/app/_server/action";
import { runUseCase } from "@/app/_server/use-case-handler";
import { addCalendarYear, regenerateCalendarYear, updateCalendarYear, ZCalendarYearRef, ZUpdateCalendarYearInput } from "@/lib/oversight/admin";

const CALENDAR = "/[locale]/admin/calendar";

export const updateCalendarYearAction = action(ZUpdateCalendarYearInput, runUseCase(updateCalendarYear, { revalidate: CALENDAR }), {
  permission: "admin.calendar",
});

export const regenerateCalendarYearAction = action(ZCalendarYearRef, runUseCase(regenerateCalendarYear, { revalidate: CALENDAR }), {
  permission: "admin.calendar",
});

export const addCalendarYearAction = action(
  ZCalendarYearRef,
  runUseCase(
    // The form needs only which year was added and from where, not its days.
    async (db, actor, input, ctx) => {
      const r = await addCalendarYear(db, actor, input, ctx);
      return { year: r.year, source: r.source };
    },
    { revalidate: CALENDAR },
  ),
  { permission: "admin.calendar" },
);
