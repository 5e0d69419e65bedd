import { z } from "zod";
import { CalendarConfigError, formatIssues, ZIsoDate } from "./config-schema";
import { parseIsoDate } from "./iso-date";

export const KZ_HOLIDAYS_FILE = "lib/law/calendar/data/kz-holidays.json";

const ZYear = z.number().int().min(1971).max(2199);

const ZMonthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { message: "expected MM-DD" })
  .refine((md) => parseIsoDate(`2001-${md}`) !== null, { message: "not a day of a common year (MM-DD)" });

export const ZFixedHoliday = z
  .object({
    id: z.string().min(1),
    monthDay: ZMonthDay,
    religious: z.boolean(),
    fromYear: ZYear.optional(),
    toYear: ZYear.optional(),
    note: z.string().optional(),
  })
  .strict();

export const ZMovableHoliday = z
  .object({
    id: z.string().min(1),
    religious: z.boolean(),
    dates: z.array(ZIsoDate),
    note: z.string().optional(),
  })
  .strict();

export const ZTransfers = z
  .object({
    extraWorkingDays: z.array(ZIsoDate).default([]),
    extraDaysOff: z.array(ZIsoDate).default([]),
    note: z.string().optional(),
  })
  .strict();

export const ZHolidayData = z
  .object({
    description: z.string().optional(),
    rules: z.string().optional(),
    coverage: z.object({ from: ZYear, to: ZYear }).strict(),
    fixedHolidays: z.array(ZFixedHoliday),
    movableHolidays: z.array(ZMovableHoliday).default([]),
    /** Keyed by year (of the decree or of the moved day off); dates may fall in the neighbouring year. */
    transfers: z
      .record(z.string().regex(/^\d{4}$/, { message: "transfer keys are years YYYY" }), ZTransfers)
      .default({}),
    sources: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    const { from, to } = data.coverage;
    if (from > to)
      ctx.addIssue({ code: "custom", path: ["coverage", "to"], message: "must not be earlier than coverage.from" });
    data.movableHolidays.forEach((h, i) => {
      const years = new Map<number, number>();
      h.dates.forEach((iso, j) => {
        const y = Number(iso.slice(0, 4));
        if (years.has(y))
          ctx.addIssue({ code: "custom", path: ["movableHolidays", i, "dates", j], message: `second date in ${y}` });
        years.set(y, j);
      });
      for (let y = from; y <= to; y++) {
        if (!years.has(y))
          ctx.addIssue({
            code: "custom",
            path: ["movableHolidays", i, "dates"],
            message: `no date for ${y} (${h.id})`,
          });
      }
    });
  });

export type THolidayData = z.output<typeof ZHolidayData>;

/** Validates holiday data; an invalid file throws CalendarConfigError naming the file and the field. */
export function parseHolidayData(raw: unknown, fileName: string = KZ_HOLIDAYS_FILE): THolidayData {
  const result = ZHolidayData.safeParse(raw);
  if (!result.success)
    throw new CalendarConfigError(`Invalid holiday data in ${fileName}: ${formatIssues(result.error.issues)}`);
  return result.data;
}
