import { almatyYear } from "@/lib/platform/i18n";
import { nextCounterValue, Prisma, type Tx } from "@/lib/platform/db";

const DIGITS = 7;
const counterKey = (year: string) => `application:${year}`;

/**
 * Registration number of an application: `EL-<year>-<7-digit sequence>` from the per-year sequence
 * `application:<year>` (lib/platform/db/counters.ts): unique, never reused, increasing in the order
 * drawn; a rolled-back submission leaves a gap. No lock is held for the rest of the transaction,
 * so submissions of the whole country do not queue on one row.
 */
export async function nextRegistrationNumber(tx: Tx, now: Date): Promise<string> {
  const year = String(almatyYear(now));
  const n = await nextCounterValue(tx, counterKey(year), "sequence");
  return `EL-${year}-${String(n).padStart(DIGITS, "0")}`;
}

/**
 * The same number as an SQL expression, drawn by the statement that stores it (the submission's
 * UPDATE of the application: one round trip less, issue 14). Zero-padded to 7 digits, never cut.
 */
export function registrationNumberSql(now: Date): Prisma.Sql {
  const year = String(almatyYear(now));
  return Prisma.sql`(SELECT 'EL-' || ${year} || '-' || lpad(n::text, greatest(${DIGITS}, length(n::text)), '0') FROM counter_next(${counterKey(year)}) AS n)`;
}
