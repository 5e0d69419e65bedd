import { addWorkingTime, type Calendar, type TTerm } from "@/lib/law/calendar";
import { withinCalendar } from "./compute-due-at";

export type TTacitApproval = {
  /** The licence counts as issued once this instant (the end of the overall term) passes without a licence or a reasoned refusal. */
  deemedIssuedAt: Date;
  /** It must be handed over by then; afterwards it is deemed received. */
  mustHandOverBy: Date;
};

/** Tacit approval, licences 3–9 [004 L2652-2666, L7892-7903] and standard 2 [004 L610-616]. */
export function tacitApprovalDates(
  calendar: Calendar,
  overallDueAt: Date,
  handoverTerm: TTerm = { value: 5, unit: "workingDays" },
): TTacitApproval {
  return withinCalendar(() => ({
    deemedIssuedAt: new Date(overallDueAt.getTime()),
    mustHandOverBy: addWorkingTime(calendar, overallDueAt, handoverTerm),
  }));
}
