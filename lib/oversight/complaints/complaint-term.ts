import { addWorkingTime, type Calendar } from "@/lib/law/calendar";
import { classify } from "@/lib/law/deadlines";
import type { DbOrTx } from "@/lib/platform/db";
import { numberSetting } from "@/lib/oversight/metrics";

export const COMPLAINT_TERM_SETTING = "complaints.termWorkingDays";
export const DEFAULT_COMPLAINT_TERM_WORKING_DAYS = 15;
/** "Due soon" when at most two 8-hour working days are left. */
export const COMPLAINT_DUE_SOON_WORKING_MINUTES = 2 * 8 * 60;

export async function complaintTermWorkingDays(db: DbOrTx): Promise<number> {
  const n = Math.round(await numberSetting(db, COMPLAINT_TERM_SETTING, DEFAULT_COMPLAINT_TERM_WORKING_DAYS));
  return n >= 1 && n <= 120 ? n : DEFAULT_COMPLAINT_TERM_WORKING_DAYS;
}

/**
 * Answer deadline: closing time of the N-th working day after the day the complaint was accepted
 * (the acceptance day does not count), on the organisation's calendar.
 */
export function complaintDueAt(calendar: Calendar, acceptedAt: Date, workingDays: number): Date {
  return addWorkingTime(calendar, acceptedAt, { value: workingDays, unit: "workingDays" });
}

export type TComplaintBadge = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "ANSWERED_ON_TIME" | "ANSWERED_LATE";

/** The badge of the supervisor queue and the applicant's page. */
export function complaintBadge(calendar: Calendar, c: { status: string; dueAt: Date; answeredAt: Date | null }, now: Date): TComplaintBadge {
  if (c.answeredAt) return c.answeredAt <= c.dueAt ? "ANSWERED_ON_TIME" : "ANSWERED_LATE";
  const level = classify(calendar, c.dueAt, now, { dueSoonWorkingMinutes: COMPLAINT_DUE_SOON_WORKING_MINUTES });
  return level === "overdue" ? "OVERDUE" : level === "due_soon" ? "DUE_SOON" : "ON_TIME";
}
