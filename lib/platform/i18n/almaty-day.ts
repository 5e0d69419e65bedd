import { TIME_ZONE } from "./config";

const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Offset of Almaty time from UTC at `instant`, in ms (+5 h today; +6 h before March 2024). */
function offsetMs(instant: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant an Almaty calendar day (YYYY-MM-DD) starts; `days` moves the day first. */
export function almatyDayStart(isoDate: string, days = 0): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + days);
  let at = guess - offsetMs(guess);
  // Second pass for a day on which the offset changed.
  at = guess - offsetMs(at);
  return new Date(at);
}
