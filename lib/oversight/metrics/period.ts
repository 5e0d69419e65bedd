import { z } from "zod";
import { DomainError, ZIsoDate } from "@/lib/platform/core";
import { addDays, addMonths, almatyDate, almatyMidnight } from "@/lib/platform/i18n";

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

const ZDate = ZIsoDate;

/** A report period as it lives in the URL; dates are Almaty calendar dates, `to` inclusive. */
export const ZPeriodQuery = z.object({
  period: z.enum(PERIOD_KINDS).default("month"),
  year: z.coerce.number().int().min(2013).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TPeriodQuery = z.input<typeof ZPeriodQuery>;

export type TGranularity = "day" | "month";

export type TPeriod = {
  kind: TPeriodKind;
  /** First local date of the period. */
  fromDate: string;
  /** Last local date of the period (inclusive). */
  toDate: string;
  /** Local midnight starting `fromDate`. */
  from: Date;
  /** Local midnight after `toDate` (exclusive bound). */
  to: Date;
  /** Trend buckets: days for periods up to 62 days, months otherwise. */
  granularity: TGranularity;
};

/** Custom periods are capped so that a trend never has more than ~37 month buckets. */
const MAX_CUSTOM_DAYS = 1131;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Turns the URL query into instants; omitted parts default to the period that contains `now`. */
export function resolvePeriod(input: TPeriodQuery | undefined, now: Date): TPeriod {
  const q = ZPeriodQuery.parse(input ?? {});
  const today = almatyDate(now);
  const [cy, cm] = today.split("-").map(Number) as [number, number];
  const year = q.year ?? cy;
  let fromDate: string;
  let toExcl: string;
  switch (q.period) {
    case "month": {
      fromDate = `${year}-${pad(q.month ?? cm)}-01`;
      toExcl = addMonths(fromDate, 1);
      break;
    }
    case "quarter": {
      const quarter = q.quarter ?? Math.ceil(cm / 3);
      fromDate = `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
      toExcl = addMonths(fromDate, 3);
      break;
    }
    case "year": {
      fromDate = `${year}-01-01`;
      toExcl = `${year + 1}-01-01`;
      break;
    }
    case "custom": {
      if (!q.from || !q.to || q.from > q.to) throw new DomainError("supervisor.errors.bad_period");
      fromDate = q.from;
      toExcl = addDays(q.to, 1);
      break;
    }
  }
  const days = Math.round((Date.parse(`${toExcl}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
  if (days > MAX_CUSTOM_DAYS) throw new DomainError("supervisor.errors.bad_period");
  return {
    kind: q.period,
    fromDate,
    toDate: addDays(toExcl, -1),
    from: almatyMidnight(fromDate),
    to: almatyMidnight(toExcl),
    granularity: days <= 62 ? "day" : "month",
  };
}

/** Local start dates of every trend bucket of the period, in order. */
export function periodBuckets(p: TPeriod): string[] {
  const out: string[] = [];
  if (p.granularity === "day") {
    for (let d = p.fromDate; d <= p.toDate; d = addDays(d, 1)) out.push(d);
  } else {
    for (let d = `${p.fromDate.slice(0, 7)}-01`; d <= p.toDate; d = addMonths(d, 1)) out.push(d);
  }
  return out;
}

/** The 30 days before `now` (the alert window): [now − 30 d, now). */
export function lastDays(now: Date, days: number): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now };
}
