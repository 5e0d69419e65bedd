import { z } from "zod";
import { ZWorkingHours, type TWorkingHours } from "@/lib/law/calendar";

/** Message codes (admin namespace) for the calendar's working-hours rules, by the field they concern. */
function codeFor(issue: z.core.$ZodIssue): string {
  if (issue.code !== "custom") return "admin.time_format";
  const p = issue.path;
  if (p.length === 1 && p[0] === "end") return "admin.hours_end_before_start";
  if (p.length === 1 && p[0] === "breaks") return "admin.breaks_no_time";
  if (p.length === 3 && p[0] === "breaks") return "admin.break_end_before_start";
  return "admin.break_outside";
}

const ZTimeText = z.string().trim().max(5);

/**
 * Working or reception hours as the admin form sends them, validated with the calendar's own
 * `ZWorkingHours` (end after start, breaks inside the hours, in order, not overlapping) so that
 * what is saved is exactly what `createCalendar` accepts. Errors come back at the same paths.
 */
export const ZHoursInput = z
  .object({
    start: ZTimeText,
    end: ZTimeText,
    breaks: z.array(z.tuple([ZTimeText, ZTimeText])).max(4).default([]),
  })
  .superRefine((h, ctx) => {
    const r = ZWorkingHours.safeParse(h);
    if (r.success) return;
    const seen = new Set<string>();
    for (const issue of r.error.issues) {
      const key = issue.path.join(".");
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.addIssue({ code: "custom", path: issue.path, message: codeFor(issue) });
    }
  });
export type THoursInput = z.input<typeof ZHoursInput>;

/** Hours as stored in Organisation.workingHours / receptionHours (JSON). */
export type THours = TWorkingHours;

export function readHours(json: unknown): THours | null {
  const r = ZWorkingHours.safeParse(json);
  return r.success ? r.data : null;
}

/** "09:00–18:30 (13:00–14:30)" */
export function hoursText(h: { start: string; end: string; breaks?: ReadonlyArray<readonly [string, string]> } | null): string {
  if (!h) return "—";
  const breaks = (h.breaks ?? []).map(([a, b]) => `${a}–${b}`).join(", ");
  return `${h.start}–${h.end}${breaks ? ` (${breaks})` : ""}`;
}
