import { addWorkingTime, workingTimeBetween, type Calendar, type TTerm } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";
import { computeDueAt, withinCalendar } from "./compute-due-at";
import type { TDeadlineEvent } from "./deadline-types";

const MINUTE_MS = 60_000;

export type TEffectiveDueInput = {
  startedAt: Date;
  term: TTerm | readonly TTerm[];
  /** In the order they were recorded (non-decreasing `at`, none before `startedAt`). */
  events: readonly TDeadlineEvent[];
  /** Upper bound on all extensions together; without it no extension is allowed. */
  maxExtension?: TTerm;
  /** When the clock is stopped at the end of the events, count the open suspension up to `now`. */
  now?: Date;
};

export type TEffectiveDue = {
  /** The due instant from the term alone. */
  baseDueAt: Date;
  /** baseDueAt moved on by the suspended working time and the extensions. */
  dueAt: Date;
  suspendedWorkingMinutes: number;
  extensionWorkingMinutes: number;
  /** Set while the clock is stopped (last suspension not resumed): dueAt keeps moving until it resumes. */
  suspendedSince: Date | null;
};

function invalid(index: number, problem: string): DomainError {
  return new DomainError("deadlines.invalid_event_sequence", { index, problem });
}

function workingMsBetween(calendar: Calendar, a: Date, b: Date): number {
  return Math.round(workingTimeBetween(calendar, a, b) * MINUTE_MS);
}

/**
 * The effective deadline, recomputed from scratch from the recorded events (pure, no drift):
 * - a suspension stops the clock, so the due instant moves on by exactly the working time
 *   that passed between "suspended" and "resumed";
 * - extensions add working time, measured by applying their terms one after another to the base due
 *   instant; together they may not exceed `maxExtension` applied to that instant.
 * All shifts are added as working time to baseDueAt, so the order of suspensions and extensions does not matter.
 */
export function computeEffectiveDueAt(calendar: Calendar, input: TEffectiveDueInput): TEffectiveDue {
  const baseDueAt = computeDueAt(calendar, input.startedAt, input.term);
  return withinCalendar(() => {
    const suspensions: Array<[Date, Date]> = [];
    const extensions: TTerm[] = [];
    let suspendedSince: Date | null = null;
    let previous = input.startedAt.getTime();
    input.events.forEach((event, i) => {
      const at = event.at instanceof Date ? event.at.getTime() : NaN;
      if (!(at >= previous)) throw invalid(i, at !== at ? "invalid_date" : "out_of_order");
      previous = at;
      switch (event.type) {
        case "suspended":
          if (suspendedSince) throw invalid(i, "already_suspended");
          suspendedSince = event.at;
          break;
        case "resumed":
          if (!suspendedSince) throw invalid(i, "resume_without_suspend");
          suspensions.push([suspendedSince, event.at]);
          suspendedSince = null;
          break;
        case "extended":
          extensions.push(event.term);
          break;
        default:
          throw invalid(i, "unknown_type");
      }
    });
    const openSince = suspendedSince as Date | null;
    if (openSince && input.now && input.now.getTime() > openSince.getTime()) suspensions.push([openSince, input.now]);

    let suspendedMs = 0;
    for (const [from, to] of suspensions) suspendedMs += workingMsBetween(calendar, from, to);

    let extensionMs = 0;
    if (extensions.length > 0) {
      const extendedTo = extensions.reduce<Date>((at, t) => addWorkingTime(calendar, at, t), baseDueAt);
      extensionMs = workingMsBetween(calendar, baseDueAt, extendedTo);
      const limit = input.maxExtension
        ? workingMsBetween(calendar, baseDueAt, addWorkingTime(calendar, baseDueAt, input.maxExtension))
        : 0;
      if (extensionMs > limit)
        throw new DomainError("deadlines.extension_exceeds_limit", {
          extensionWorkingMinutes: extensionMs / MINUTE_MS,
          limitWorkingMinutes: limit / MINUTE_MS,
        });
    }

    const shift = suspendedMs + extensionMs;
    const dueAt =
      shift === 0
        ? new Date(baseDueAt.getTime())
        : addWorkingTime(calendar, baseDueAt, { value: shift / MINUTE_MS, unit: "minutes" });
    return {
      baseDueAt,
      dueAt,
      suspendedWorkingMinutes: suspendedMs / MINUTE_MS,
      extensionWorkingMinutes: extensionMs / MINUTE_MS,
      suspendedSince: openSince ? new Date(openSince.getTime()) : null,
    };
  });
}
