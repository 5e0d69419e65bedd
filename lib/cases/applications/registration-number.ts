import { almatyYear } from "@/lib/platform/i18n";
import type { Tx } from "@/lib/platform/db";


/**
 * Registration number of an application: `EL-<year>-<7-digit sequence>` from a per-year counter
 * incremented atomically in the caller's transaction (unique, never reused, gap-free per commit order).
 */
export async function nextRegistrationNumber(tx: Tx, now: Date): Promise<string> {
  const year = String(almatyYear(now));
  const key = `application:${year}`;
  const rows = await tx.$queryRaw<{ last: number }[]>`
    insert into "LicenceNumberCounter" (key, last) values (${key}, 1)
    on conflict (key) do update set last = "LicenceNumberCounter".last + 1
    returning last`;
  return `EL-${year}-${String(rows[0]!.last).padStart(7, "0")}`;
}
