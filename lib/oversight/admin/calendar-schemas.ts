import { z } from "zod";
import { calendarYearErrors } from "./calendar-checks";

/** Years an administrator may keep: the built-in Almaty offsets and the calendar tables cover them. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const ZYear = z.coerce
  .number()
  .int({ message: "admin.calendar.year_range" })
  .min(MIN_CALENDAR_YEAR, { message: "admin.calendar.year_range" })
  .max(MAX_CALENDAR_YEAR, { message: "admin.calendar.year_range" });

const ZDateList = z.array(z.string().max(20)).max(400).default([]);

export const ZUpdateCalendarYearInput = z
  .object({
    year: ZYear,
    holidays: ZDateList,
    extraWorkingDays: ZDateList,
    extraDaysOff: ZDateList,
    expectedUpdatedAt: z.iso.datetime().nullish(),
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(calendarYearErrors(v.year, v))) {
      const [list, index] = path.split(".");
      ctx.addIssue({ code: "custom", path: [list!, Number(index)], message });
    }
  });
export type TUpdateCalendarYearInput = z.input<typeof ZUpdateCalendarYearInput>;

export const ZCalendarYearRef = z.object({ year: ZYear });
export type TCalendarYearRef = z.input<typeof ZCalendarYearRef>;
