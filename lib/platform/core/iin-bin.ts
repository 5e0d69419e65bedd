/**
 * Kazakh 12-digit identifiers: IIN (individuals) and BIN (legal entities).
 * Check digit: weighted sum mod 11 with weights 1..11; when that gives 10, a second
 * pass with weights 3..11,1,2; a second 10 means the number cannot be valid.
 */
const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function identifierChecksum(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const sum = (w: number[]) => digits.reduce((s, d, i) => s + d * w[i]!, 0) % 11;
  const c1 = sum(W1);
  if (c1 !== 10) return c1;
  const c2 = sum(W2);
  return c2 === 10 ? null : c2;
}

function checksumOk(id: string): boolean {
  if (!/^\d{12}$/.test(id)) return false;
  return identifierChecksum(id.slice(0, 11)) === Number(id[11]);
}

export type ParsedIin = { birthDate: string; sex: "male" | "female" };

/** IIN: YYMMDD, then a digit for century and sex (1..6), serial, check digit. */
export function parseIin(iin: string): ParsedIin | null {
  if (!checksumOk(iin)) return null;
  const cs = Number(iin[6]);
  if (cs < 1 || cs > 6) return null;
  const century = cs <= 2 ? 1800 : cs <= 4 ? 1900 : 2000;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { birthDate: d.toISOString().slice(0, 10), sex: cs % 2 === 1 ? "male" : "female" };
}

export function isValidIin(iin: string): boolean {
  return parseIin(iin) !== null;
}

/** BIN: YYMM of registration, entity type (4 resident, 5 non-resident, 6 IE joint), unit kind (0..3), serial, check digit. */
export function isValidBin(bin: string): boolean {
  if (!checksumOk(bin)) return false;
  const month = Number(bin.slice(2, 4));
  return month >= 1 && month <= 12 && "456".includes(bin[4]!) && "0123".includes(bin[5]!);
}

export function isValidIdentifier(id: string): boolean {
  return isValidIin(id) || isValidBin(id);
}
