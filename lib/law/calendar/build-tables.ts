/**
 * Per-day tables for the configured years, built once per calendar so that every query is
 * O(1) or a binary search: no day-by-day loops on the hot path.
 */
import type { TCalendarConfig } from "./config-schema";
import { clockToMinutes, DAY_MS, dayNumberOfYearStart, isoWeekday, MINUTE_MS, parseIsoDate } from "./iso-date";
import { localToUtc, offsetTableFor } from "./time-zone-offsets";

export type CalendarTables = {
  readonly fromYear: number;
  readonly toYear: number;
  /** Day number (days since 1970-01-01) of local 1 January of fromYear. */
  readonly dayNum0: number;
  readonly days: number;
  /** Offset steps, copied out of the OffsetTable for the hot path. */
  readonly tzAt: Float64Array;
  readonly tzOffset: Float64Array;
  /** dayStart[i] = UTC ms of local midnight of day i; dayStart[days] = end of the range. */
  readonly dayStart: Float64Array;
  readonly working: Uint8Array;
  /** wdPrefix[i] = number of working days among days [0, i). */
  readonly wdPrefix: Int32Array;
  /** wdDays[k] = day index of the (k+1)-th working day. */
  readonly wdDays: Int32Array;
  /** Working intervals of day i are ivStart/ivEnd[dayIv[i] .. dayIv[i+1]). */
  readonly dayIv: Int32Array;
  readonly ivStart: Float64Array;
  readonly ivEnd: Float64Array;
  /** ivCum[k] = working ms in all intervals before interval k; ivCum[K] = total. */
  readonly ivCum: Float64Array;
  /** Closing instant of every day (by the working hours, even on a day off). */
  readonly closing: Float64Array;
};

/** Working segments of a day in minutes after local midnight: hours minus breaks. */
export function workingSegments(config: TCalendarConfig): Array<[number, number]> {
  const { start, end, breaks } = config.workingHours;
  const segments: Array<[number, number]> = [];
  let from = clockToMinutes(start);
  for (const [a, b] of breaks) {
    const bs = clockToMinutes(a);
    if (bs > from) segments.push([from, bs]);
    from = Math.max(from, clockToMinutes(b));
  }
  const close = clockToMinutes(end);
  if (close > from) segments.push([from, close]);
  return segments;
}

function dayNumberSet(isoDates: readonly string[]): Set<number> {
  return new Set(isoDates.map((d) => parseIsoDate(d) ?? NaN));
}

export function buildTables(config: TCalendarConfig): CalendarTables {
  const { from: fromYear, to: toYear } = config.years;
  const tz = offsetTableFor(config.timeZone, fromYear, toYear);
  const dayNum0 = dayNumberOfYearStart(fromYear);
  const days = dayNumberOfYearStart(toYear + 1) - dayNum0;

  const weekdays = new Set(config.workingWeekdays);
  const off = dayNumberSet([...config.holidays, ...config.extraDaysOff]);
  const extraWorking = dayNumberSet(config.extraWorkingDays);
  const segments = workingSegments(config);
  const closeMinutes = clockToMinutes(config.workingHours.end);

  const dayStart = new Float64Array(days + 1);
  const working = new Uint8Array(days);
  const wdPrefix = new Int32Array(days + 1);
  const dayIv = new Int32Array(days + 1);
  const closing = new Float64Array(days);
  const wd: number[] = [];
  const ivS: number[] = [];
  const ivE: number[] = [];

  for (let i = 0; i <= days; i++) dayStart[i] = localToUtc(tz, (dayNum0 + i) * DAY_MS);
  for (let i = 0; i < days; i++) {
    const dn = dayNum0 + i;
    const wall = dn * DAY_MS;
    let isWorking = extraWorking.has(dn) || (weekdays.has(isoWeekday(dn)) && !off.has(dn));
    dayIv[i] = ivS.length;
    if (isWorking) {
      for (const [a, b] of segments) {
        const s = a === 1440 ? dayStart[i + 1]! : localToUtc(tz, wall + a * MINUTE_MS);
        const e = b === 1440 ? dayStart[i + 1]! : localToUtc(tz, wall + b * MINUTE_MS);
        // A segment can only shrink to nothing inside a clock change; skip it then.
        if (e > s) {
          ivS.push(s);
          ivE.push(e);
        }
      }
      isWorking = ivS.length > dayIv[i]!;
    }
    working[i] = isWorking ? 1 : 0;
    wdPrefix[i + 1] = wdPrefix[i]! + working[i]!;
    if (isWorking) wd.push(i);
    closing[i] = isWorking
      ? ivE[ivE.length - 1]!
      : closeMinutes === 1440
        ? dayStart[i + 1]!
        : localToUtc(tz, wall + closeMinutes * MINUTE_MS);
  }
  dayIv[days] = ivS.length;

  const ivCum = new Float64Array(ivS.length + 1);
  for (let k = 0; k < ivS.length; k++) ivCum[k + 1] = ivCum[k]! + (ivE[k]! - ivS[k]!);

  return {
    fromYear,
    toYear,
    dayNum0,
    days,
    tzAt: tz.at,
    tzOffset: tz.offset,
    dayStart,
    working,
    wdPrefix,
    wdDays: Int32Array.from(wd),
    dayIv,
    ivStart: Float64Array.from(ivS),
    ivEnd: Float64Array.from(ivE),
    ivCum,
    closing,
  };
}
