import { almatyYear } from "@/lib/platform/i18n";
import { nextCounterValue, type Tx } from "@/lib/platform/db";

/**
 * Ticket number `C-<year>-<6 digits>` (e.g. C-2026-000123): the per-year sequence `complaint:<year>`
 * (lib/platform/db/counters.ts) — unique, never reused, increasing; a rolled-back filing leaves a
 * gap. Short enough to read out on the phone to 1414.
 */
export async function nextTicketNumber(tx: Tx, now: Date): Promise<string> {
  const year = String(almatyYear(now));
  const n = await nextCounterValue(tx, `complaint:${year}`, "sequence");
  return `C-${year}-${String(n).padStart(6, "0")}`;
}
