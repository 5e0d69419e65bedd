/**
 * UTC offsets as a small step table, so the hot path never calls Intl.
 *
 * Asia/Almaty is built in (deterministic, independent of the platform's tz data):
 * +06 with Russian-rule DST (+07, last Sunday of March to last Sunday of October, 02:00 standard time)
 * until 2004-10-31, +06 until 2024-03-01 00:00 local, +05 since (tzdata 2024a).
 * Any other IANA zone is read from Intl once, when the calendar tables are built.
 */
import { DAY_MS } from "./iso-date";

const HOUR_MS = 3_600_000;

export type OffsetTable = {
  /** at[k] = first UTC instant (ms) at which offset[k] applies; at[0] = -Infinity. */
  readonly at: Float64Array;
  /** Local time minus UTC, in ms. */
  readonly offset: Float64Array;
};

/** Years before this one are not covered by the built-in Asia/Almaty table. */
export const ALMATY_BUILTIN_FROM_YEAR = 1996;

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function isBuiltinAlmaty(timeZone: string): boolean {
  return timeZone === "Asia/Almaty";
}

export function offsetTableFor(timeZone: string, fromYear: number, toYear: number): OffsetTable {
  const steps = isBuiltinAlmaty(timeZone) ? almatySteps() : intlSteps(timeZone, fromYear, toYear);
  return { at: Float64Array.from(steps.map((s) => s[0])), offset: Float64Array.from(steps.map((s) => s[1])) };
}

export function offsetAt(table: OffsetTable, t: number): number {
  let k = table.at.length - 1;
  while (k > 0 && t < table.at[k]!) k--;
  return table.offset[k]!;
}

/**
 * Wall-clock ms (local time written as if it were UTC) → UTC instant.
 * Repeated wall times (clocks set back) resolve to the earlier instant; skipped ones to the transition.
 */
export function localToUtc(table: OffsetTable, wall: number): number {
  const candidates = [offsetAt(table, wall - DAY_MS), offsetAt(table, wall), offsetAt(table, wall + DAY_MS)];
  let best = Infinity;
  for (const o of candidates) {
    const u = wall - o;
    if (offsetAt(table, u) === o && u < best) best = u;
  }
  if (best !== Infinity) return best;
  const lo = wall - Math.max(...candidates);
  const hi = wall - Math.min(...candidates);
  for (let k = 1; k < table.at.length; k++) {
    const at = table.at[k]!;
    if (at > lo && at <= hi) return at;
  }
  return wall - offsetAt(table, wall);
}

function lastSundayUtcDate(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

function almatySteps(): Array<[number, number]> {
  const steps: Array<[number, number]> = [[-Infinity, 6 * HOUR_MS]];
  // Transitions at 02:00 standard time (+06), i.e. 20:00 UTC the day before.
  for (let y = ALMATY_BUILTIN_FROM_YEAR; y <= 2004; y++) {
    steps.push([Date.UTC(y, 2, lastSundayUtcDate(y, 2), 2) - 6 * HOUR_MS, 7 * HOUR_MS]);
    steps.push([Date.UTC(y, 9, lastSundayUtcDate(y, 9), 2) - 6 * HOUR_MS, 6 * HOUR_MS]);
  }
  // 2024-03-01 00:00 at +06 became 2024-02-29 23:00 at +05.
  steps.push([Date.UTC(2024, 2, 1) - 6 * HOUR_MS, 5 * HOUR_MS]);
  return steps;
}

function intlOffsetAt(fmt: Intl.DateTimeFormat, t: number): number {
  const whole = t - (((t % 1000) + 1000) % 1000);
  const f: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(whole))) {
    if (p.type !== "literal") f[p.type] = Number(p.value);
  }
  const hour = f.hour === 24 ? 0 : (f.hour ?? 0);
  const wall = Date.UTC(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, hour, f.minute ?? 0, f.second ?? 0);
  return wall - whole;
}

/**
 * Samples every 3 days and bisects to the second where the offset changes.
 * Assumes at most one transition per 3 days (true of every zone in the tz database since 1970).
 */
function intlSteps(timeZone: string, fromYear: number, toYear: number): Array<[number, number]> {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const step = 3 * DAY_MS;
  const start = Date.UTC(fromYear - 1, 0, 1);
  const end = Date.UTC(toYear + 2, 0, 1);
  let current = intlOffsetAt(fmt, start);
  const steps: Array<[number, number]> = [[-Infinity, current]];
  for (let t = start + step; t <= end; t += step) {
    const o = intlOffsetAt(fmt, t);
    let lo = t - step;
    while (o !== current) {
      // Invariant: offset(lo) === current, offset(hi) !== current.
      let hi = t;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffsetAt(fmt, mid) === current) lo = mid;
        else hi = mid;
      }
      current = intlOffsetAt(fmt, hi);
      steps.push([hi, current]);
      lo = hi;
    }
  }
  return steps;
}
