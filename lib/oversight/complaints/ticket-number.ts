import { almatyYear } from "@/lib/platform/i18n";
import type { Tx } from "@/lib/platform/db";


/**
 * Ticket number `C-<year>-<6 digits>` (e.g. C-2026-000123): a per-year counter in the shared
 * counter table, incremented atomically in the caller's transaction — unique, never reused,
 * short enough to read out on the phone to 1414.
 */
export async function nextTicketNumber(tx: Tx, now: Date): Promise<string> {
  const year = String(almatyYear(now));
  const key = `complaint:${year}`;
  const rows = await tx.$queryRaw<{ last: number }[]>`
    insert into "LicenceNumberCounter" (key, last) values (${key}, 1)
    on conflict (key) do update set last = "LicenceNumberCounter".last + 1
    returning last`;
  return `C-${year}-${String(rows[0]!.last).padStart(6, "0")}`;
}
