import { z } from "zod";
import { clockToMinutes, parseIsoDate, yearOfDayNumber } from "./iso-date";
import { ALMATY_BUILTIN_FROM_YEAR, isBuiltinAlmaty, isKnownTimeZone } from "./time-zone-offsets";

export const ZClockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: "expected a time HH:MM between 00:00 and 24:00" });

export const ZIsoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: "expected an existing date YYYY-MM-DD" });

/** Ministry offices, [004 L373-374]: 09:00–18:30 with lunch 13:00–14:30. */
export const DEFAULT_WORKING_HOURS = {
  start: "09:00",
  end: "18:30",
  breaks: [["13:00", "14:30"]] as Array<[string, string]>,
};

export const ZWorkingHours = z
  .object({
    start: ZClockTime,
    end: ZClockTime,
    breaks: z.array(z.tuple([ZClockTime, ZClockTime])).default([]),
  })
  .superRefine((wh, ctx) => {
    const start = clockToMinutes(wh.start);
    const end = clockToMinutes(wh.end);
    if (end <= start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be later than start" });
    let previous = start;
    let worked = 0;
    wh.breaks.forEach(([from, to], i) => {
      const a = clockToMinutes(from);
      const b = clockToMinutes(to);
      if (b <= a) ctx.addIssue({ code: "custom", path: ["breaks", i, 1], message: "a break must end after it starts" });
      if (a < previous || b > end)
        ctx.addIssue({
          code: "custom",
          path: ["breaks", i],
          message: "breaks must lie within working hours, in order, without overlapping",
        });
      worked += Math.max(0, a - previous);
      previous = Math.max(previous, b);
    });
    worked += Math.max(0, end - previous);
    if (end > start && worked <= 0)
      ctx.addIssue({ code: "custom", path: ["breaks"], message: "breaks leave no working time" });
  });

export const ZTermUnit = z.enum(["minutes", "hours", "workingDays", "calendarDays"]);

/** A term from a standard or regulation: minutes and hours may be fractional, days are whole. */
export const ZTerm = z
  .object({ value: z.number().nonnegative(), unit: ZTermUnit })
  .refine((t) => t.unit === "minutes" || t.unit === "hours" || Number.isInteger(t.value), {
    message: "working and calendar days must be whole numbers",
    path: ["value"],
  });

const ZYear = z.number().int().min(1971).max(2199);

export const ZCalendarConfig = z
  .object({
    timeZone: z.string().refine(isKnownTimeZone, { message: "unknown IANA time zone" }).default("Asia/Almaty"),
    workingHours: ZWorkingHours.default(DEFAULT_WORKING_HOURS),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workingWeekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .refine((a) => new Set(a).size === a.length, { message: "weekdays must not repeat" })
      .default([1, 2, 3, 4, 5]),
    holidays: z.array(ZIsoDate).default([]),
    /** Transferred working days (for example a working Saturday); they win over the weekly pattern. */
    extraWorkingDays: z.array(ZIsoDate).default([]),
    /** Transferred days off and holiday days off moved from a weekend. */
    extraDaysOff: z.array(ZIsoDate).default([]),
    /** Years the tables cover; any instant outside them is an error rather than a silent guess. */
    years: z
      .object({ from: ZYear, to: ZYear })
      .refine((y) => y.from <= y.to, { message: "must not be earlier than years.from", path: ["to"] })
      .default({ from: 2000, to: 2100 }),
  })
  .superRefine((c, ctx) => {
    if (isBuiltinAlmaty(c.timeZone) && c.years.from < ALMATY_BUILTIN_FROM_YEAR)
      ctx.addIssue({
        code: "custom",
        path: ["years", "from"],
        message: `Asia/Almaty offsets are built in from ${ALMATY_BUILTIN_FROM_YEAR}`,
      });
    const off = new Set([...c.holidays, ...c.extraDaysOff]);
    for (const field of ["holidays", "extraWorkingDays", "extraDaysOff"] as const) {
      c[field].forEach((iso, i) => {
        const year = yearOfDayNumber(parseIsoDate(iso) ?? 0);
        if (year < c.years.from || year > c.years.to)
          ctx.addIssue({
            code: "custom",
            path: [field, i],
            message: `${iso} is outside years ${c.years.from}–${c.years.to}`,
          });
        if (field === "extraWorkingDays" && off.has(iso))
          ctx.addIssue({ code: "custom", path: [field, i], message: `${iso} is also listed as a holiday or day off` });
      });
    }
  });

export type TCalendarConfig = z.output<typeof ZCalendarConfig>;
export type TCalendarConfigInput = z.input<typeof ZCalendarConfig>;
export type TWorkingHours = z.output<typeof ZWorkingHours>;
export type TTerm = z.output<typeof ZTerm>;
export type TTermUnit = z.output<typeof ZTermUnit>;

/** Zod issues → "a.b[0]: message; …", so a bad config or data file names the field. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string {
  return issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
        .join("");
      return `${path || "(root)"}: ${issue.message}`;
    })
    .join("; ");
}

export class CalendarConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalendarConfigError";
  }
}

export function parseCalendarConfig(input: unknown): TCalendarConfig {
  const result = ZCalendarConfig.safeParse(input);
  if (!result.success) throw new CalendarConfigError(`Invalid calendar config: ${formatIssues(result.error.issues)}`);
  return result.data;
}
