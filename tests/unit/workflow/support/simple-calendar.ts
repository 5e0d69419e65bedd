import type { TTerm } from "@/lib/law/regulations";

/**
 * A deliberately simple working-time model for tests: Monday–Friday 09:00–18:00 UTC, no lunch
 * break, no holidays. Same conventions as lib/law/calendar's addWorkingTime:
 * - minutes / hours count working time only, from the next working instant; a count that fills a
 *   day exactly ends at 18:00 of that day;
 * - workingDays: 18:00 of the N-th working day after the start day (the start day never counts);
 * - calendarDays: end of the N-th calendar day, or 18:00 of the next working day if that is not one.
 */
const H = 3_600_000;
const OPEN = 9;
const CLOSE = 18;

const dayStart = (t: number) => Math.floor(t / (24 * H)) * 24 * H;
const isWorkingDay = (t: number) => {
  const wd = new Date(t).getUTCDay();
  return wd >= 1 && wd <= 5;
};

export function simpleComputeDue(term: TTerm, startedAt: Date): Date {
  const t = startedAt.getTime();
  switch (term.unit) {
    case "minutes":
    case "hours": {
      let left = term.value * (term.unit === "hours" ? H : 60_000);
      let day = dayStart(t);
      let from = t;
      for (;;) {
        if (isWorkingDay(day)) {
          const open = Math.max(from, day + OPEN * H);
          const close = day + CLOSE * H;
          if (open < close || (open === close && left === 0)) {
            if (open + left <= close) return new Date(open + left);
            left -= close - open;
          }
        }
        day += 24 * H;
        from = day;
      }
    }
    case "workingDays": {
      let day = dayStart(t);
      let n = term.value;
      while (n > 0) {
        day += 24 * H;
        if (isWorkingDay(day)) n--;
      }
      return new Date(day + CLOSE * H);
    }
    case "calendarDays": {
      let day = dayStart(t) + term.value * 24 * H;
      if (isWorkingDay(day)) return new Date(day + 24 * H - 1);
      while (!isWorkingDay(day)) day += 24 * H;
      return new Date(day + CLOSE * H);
    }
  }
}

export const simpleDeps = { computeDue: simpleComputeDue };
