import { TIME_ZONE as TZ } from "./config";

/**
 * The one Almaty date/time helper: calendar dates ↔ UTC instants (report periods, number years,
 * fee and regulation dates; the working-time maths stays in lib/law/calendar). Display formatting
 * is in format.ts. Intl gives the zone's offset; it is asked once per UTC hour (below), because
 * formatToParts costs microseconds and every submission asks several times (issue 14).
 */
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Almaty's offset at instant `ms` from Intl (local wall time minus UTC, in ms). */
function intlOffsetMs(ms: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall + (((ms % 1000) + 1000) % 1000) - ms;
}

const HOUR = 3_600_000;
/** UTC hour → the offset throughout it, or null when it changes within the hour (then Intl is asked per instant). */
const offsetByHour = new Map<number, number | null>();

function wallMs(t: Date): number {
  const ms = t.getTime();
  const hour = Math.floor(ms / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const first = intlOffsetMs(hour * HOUR);
    offset = first === intlOffsetMs((hour + 1) * HOUR - 1) ? first : null;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return ms + (offset ?? intlOffsetMs(ms));
}

/** Local time minus UTC at `t`, in ms (+5 h since 1 March 2024, +6 h before). */
export function almatyOffsetMs(t: Date): number {
  return wallMs(t) - t.getTime();
}

/** "YYYY-MM-DD" of `t` in Almaty. */
export function almatyDate(t: Date): string {
  return new Date(wallMs(t)).toISOString().slice(0, 10);
}

/** The instant of local midnight that starts `isoDate` in Almaty. */
export function almatyMidnight(isoDate: string): Date {
  const wall = Date.parse(`${isoDate}T00:00:00Z`);
  let guess = wall - 5 * 3_600_000;
  for (let i = 0; i < 3; i++) {
    const next = wall - almatyOffsetMs(new Date(guess));
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** `isoDate` plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** First day of the month `months` after the month of `isoDate`. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m] = isoDate.split("-").map(Number);
  const d = new Date(Date.UTC(y!, m! - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/** The Almaty calendar year of `t` (registration, ticket, payment and licence numbers count per year). */
export function almatyYear(t: Date): number {
  return Number(almatyDate(t).slice(0, 4));
}

/** The instant an Almaty calendar day (YYYY-MM-DD) starts; `days` moves the day first. */
export function almatyDayStart(isoDate: string, days = 0): Date {
  return almatyMidnight(days ? addDays(isoDate, days) : isoDate);
}
