import { almatyDate } from "@/lib/platform/i18n";
import { DomainError } from "@/lib/platform/core";
import { getMciTable, getService, getVariant } from "./load-catalogue";
import type { TMciTable, TService, TVariantCode } from "./schema";

export type TFeeQuote =
  | { free: true }
  | {
      free: false;
      /** Rate in monthly calculation indices (configurable default, see services.json fee.isDefault). */
      mci: number;
      /** MCI value in tenge on the given date (or 1 January of the given year). */
      mciValue: number;
      amountKzt: number;
    };

// MCI changes are dated in local (Kazakhstan) time, so a Date is read as a calendar day there.

function isoDay(when: number | Date): string {
  if (typeof when === "number") {
    if (!Number.isInteger(when)) throw new DomainError("catalogue.mci_unknown_period", { when });
    return `${String(when).padStart(4, "0")}-01-01`;
  }
  return almatyDate(when);
}

/**
 * MCI in force on a day. A year number means the value in force on 1 January
 * (the annual budget-law value; 2020 and 2022 changed mid-year, pass a Date for those).
 */
export function mciValueOn(when: number | Date, table: TMciTable = getMciTable()): number {
  const day = isoDay(when);
  const lastYear = table.values[table.values.length - 1]!.from.slice(0, 4);
  let value: number | undefined;
  for (const row of table.values) {
    if (row.from <= day) value = row.value;
  }
  // Past the last listed year the value is unknown (a new budget law), not the old one.
  if (value === undefined || day.slice(0, 4) > lastYear) {
    throw new DomainError("catalogue.mci_unknown_period", { day });
  }
  return value;
}

/** Fee for one variant of a service; free services and zero rates give `{ free: true }`. */
export function feeFor(service: TService | string, variant: TVariantCode, when: number | Date): TFeeQuote {
  const svc = typeof service === "string" ? getService(service) : service;
  if (!svc) throw new DomainError("catalogue.unknown_service", { service });
  if (!getVariant(svc, variant)) throw new DomainError("catalogue.variant_not_offered", { service: svc.code, variant });
  if (svc.fee.kind === "free") return { free: true };
  const mci = svc.fee.mci[variant] ?? 0;
  if (mci === 0) return { free: true };
  const mciValue = mciValueOn(when);
  return { free: false, mci, mciValue, amountKzt: Math.round(mci * mciValue) };
}
