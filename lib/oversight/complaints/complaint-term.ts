import { addWorkingTime, type Calendar } from "@/lib/law/calendar";
import { classify } from "@/lib/law/deadlines";
import type { TComplaintTerm } from "@/lib/law/catalogue";

/** "Due soon" when at most two 8-hour working days are left. */
export const COMPLAINT_DUE_SOON_WORKING_MINUTES = 2 * 8 * 60;

type TTermUnit = TComplaintTerm["unit"];

/**
 * Answer deadline from the term of lib/law/catalogue/data/complaints.json (default: 15 calendar
 * days of the Law of 12 January 2007, art. 8 [004 L391-393]) counted from the day the complaint
 * was accepted (that day does not count), on the organisation's calendar: for calendar days the
 * end of the N-th day, moved to the closing time of the next working day when it is a day off.
 */
export function complaintDueAt(calendar: Calendar, acceptedAt: Date, term: { value: number; unit: TTermUnit }): Date {
  return addWorkingTime(calendar, acceptedAt, { value: term.value, unit: term.unit });
}

/** The extended deadline (once, with notice to the applicant): the extension term from acceptance. */
export function complaintExtendedDueAt(calendar: Calendar, acceptedAt: Date, term: Pick<TComplaintTerm, "extension">): Date | null {
  return term.extension ? addWorkingTime(calendar, acceptedAt, { value: term.extension.value, unit: term.extension.unit }) : null;
}

export type TComplaintBadge = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "ANSWERED_ON_TIME" | "ANSWERED_LATE";

/** The badge of the supervisor queue and the applicant's page. */
export function complaintBadge(calendar: Calendar, c: { status: string; dueAt: Date; answeredAt: Date | null }, now: Date): TComplaintBadge {
  if (c.answeredAt) return c.answeredAt <= c.dueAt ? "ANSWERED_ON_TIME" : "ANSWERED_LATE";
  const level = classify(calendar, c.dueAt, now, { dueSoonWorkingMinutes: COMPLAINT_DUE_SOON_WORKING_MINUTES });
  return level === "overdue" ? "OVERDUE" : level === "due_soon" ? "DUE_SOON" : "ON_TIME";
}
