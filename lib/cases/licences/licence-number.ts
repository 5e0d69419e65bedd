import { DomainError } from "@/lib/platform/core";
import { nextCounterValue, type DbOrTx } from "@/lib/platform/db";
import { almatyYear } from "@/lib/platform/i18n";
import { regionCodeFor, regionOfCode } from "./region-codes";

/**
 * Licence numbers (README "Licence number"): `KZ YY RR NNNNNNN CC`, written without spaces,
 * 15 characters, e.g. `KZ2615000004211` (2026, Aktobe oblast, 42nd licence of the year there):
 *   KZ       country prefix (fixed)
 *   YY       year of issue, Almaty time
 *   RR       region of the issuing body (KATO oblast code; 00 = the Committee)
 *   NNNNNNN  sequence per (year, region), the gap-free counter of lib/platform/db (per region, so
 *            no country-wide lock), never reused
 *   CC       ISO 7064 MOD 97-10 check digits over the 11 digits YYRRNNNNNNN
 * Only digits follow the prefix, so MOD 97-10 provably catches every single-digit substitution and
 * every transposition of adjacent digits (97 is prime and larger than 9·9).
 */
export const LICENCE_NUMBER_RE = /^KZ(\d{2})(\d{2})(\d{7})(\d{2})$/;
export const LICENCE_NUMBER_LENGTH = 15;
export const MAX_SEQUENCE = 9_999_999;

export type TParsedLicenceNumber = {
  number: string;
  /** Four-digit year of issue (2000 + YY). */
  year: number;
  regionCode: string;
  /** Region slug, `committee` for 00, null for a code not in the table. */
  region: string | null;
  sequence: number;
  check: string;
};

function mod97(digits: string): number {
  // Digit by digit: 13-digit values would fit a double, but this never depends on it.
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

/** ISO 7064 MOD 97-10 check digits of a digit string (as in IBAN): `payload + CC ≡ 1 (mod 97)`. */
export function mod97CheckDigits(payload: string): string {
  if (!/^\d+$/.test(payload)) throw new Error("mod97CheckDigits: digits only");
  return String(98 - mod97(`${payload}00`)).padStart(2, "0");
}

/** The number for a given year, region code and sequence (pure; generation is `generateLicenceNumber`). */
export function formatLicenceNumber(p: { year: number; regionCode: string; sequence: number }): string {
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2099) throw new Error(`licence number: year out of range: ${p.year}`);
  if (!/^\d{2}$/.test(p.regionCode)) throw new Error(`licence number: bad region code: ${p.regionCode}`);
  if (!Number.isInteger(p.sequence) || p.sequence < 1 || p.sequence > MAX_SEQUENCE) throw new DomainError("licences.number_exhausted", { sequence: p.sequence });
  const payload = `${String(p.year % 100).padStart(2, "0")}${p.regionCode}${String(p.sequence).padStart(7, "0")}`;
  return `KZ${payload}${mod97CheckDigits(payload)}`;
}

/** True for a well-formed number with correct check digits (canonical form: upper case, no spaces). */
export function isValidLicenceNumber(n: string): boolean {
  const m = LICENCE_NUMBER_RE.exec(n);
  if (!m) return false;
  const seq = Number(m[3]);
  return seq >= 1 && mod97(`${m[1]}${m[2]}${m[3]}${m[4]}`) === 1;
}

export function parseLicenceNumber(n: string): TParsedLicenceNumber | null {
  if (!isValidLicenceNumber(n)) return null;
  const m = LICENCE_NUMBER_RE.exec(n)!;
  const regionCode = m[2]!;
  return { number: n, year: 2000 + Number(m[1]), regionCode, region: regionOfCode(regionCode), sequence: Number(m[3]), check: m[4]! };
}

/** What a person typed → the canonical number, or null (spaces dropped, case folded). */
export function normaliseLicenceNumber(input: string): string | null {
  const n = input.replace(/[\s\u00a0]+/g, "").toUpperCase();
  return isValidLicenceNumber(n) ? n : null;
}

/** Counter row of a (year, region) sequence in LicenceNumberCounter. */
export function licenceCounterKey(year: number, regionCode: string): string {
  return `licence:${year}:${regionCode}`;
}


/** A new licence number; call it inside the transaction that inserts the licence. */
export async function generateLicenceNumber(
  tx: DbOrTx,
  o: { organisation: { kind: "COMMITTEE" | "REGIONAL" | "PSC"; region: string }; now: Date },
): Promise<string> {
  const year = almatyYear(o.now);
  const regionCode = regionCodeFor(o.organisation);
  const sequence = await nextCounterValue(tx, licenceCounterKey(year, regionCode), "gap-free");
  return formatLicenceNumber({ year, regionCode, sequence });
}

/** Annex numbers: `{licence number}-{n}`, n = 1, 2, … per licence. */
export const ANNEX_NUMBER_RE = /^(KZ\d{13})-([1-9]\d{0,3})$/;

export function annexNumber(licenceNumber: string, n: number): string {
  return `${licenceNumber}-${n}`;
}

export function parseAnnexNumber(s: string): { licenceNumber: string; n: number } | null {
  const m = ANNEX_NUMBER_RE.exec(s.replace(/[\s\u00a0]+/g, "").toUpperCase());
  if (!m || !isValidLicenceNumber(m[1]!)) return null;
  return { licenceNumber: m[1]!, n: Number(m[2]) };
}

export async function nextAnnexNumber(tx: DbOrTx, licenceNumber: string): Promise<string> {
  return annexNumber(licenceNumber, await nextCounterValue(tx, `annex:${licenceNumber}`, "gap-free"));
}
