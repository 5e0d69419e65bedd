import { almatyYear } from "@/lib/platform/i18n";
import { nextCounterValue, type Tx } from "@/lib/platform/db";

/**
 * Registration number of an application: `EL-<year>-<7-digit sequence>` from the per-year sequence
 * `application:<year>` (lib/platform/db/counters.ts): unique, never reused, increasing in the order
 * drawn; a rolled-back submission leaves a gap. No lock is held for the rest of the transaction,
 * so submissions of the whole country do not queue on one row.
 */
export async function nextRegistrationNumber(tx: Tx, now: Date): Promise<string> {
  const year = String(almatyYear(now));
  const n = await nextCounterValue(tx, `application:${year}`, "sequence");
  return `EL-${year}-${String(n).padStart(7, "0")}`;
}
