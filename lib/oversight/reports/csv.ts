/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, a field is quoted when it contains the
 * delimiter, a quote, CR or LF, and quotes inside are doubled. UTF-8 with a BOM so that Excel
 * reads Kazakh and Russian letters. Formula injection: a text cell that starts with = + - @
 * (or a tab / CR, which some spreadsheets skip before a formula) is prefixed with an apostrophe.
 *
 * Dialects: kk and ru use ";" with a decimal comma (what Excel expects in those locales), en uses
 * "," with a decimal point.
 */
export const CSV_BOM = "\uFEFF";
export type TCsvCell = string | number | null | undefined;
export type TCsvDialect = { delimiter: ";" | ","; decimal: "," | "." };

export const CSV_DIALECTS = {
  kk: { delimiter: ";", decimal: "," },
  ru: { delimiter: ";", decimal: "," },
  en: { delimiter: ",", decimal: "." },
} as const satisfies Record<string, TCsvDialect>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would run as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function numberText(n: number, decimal: "," | "."): string {
  if (!Number.isFinite(n)) return "";
  const s = String(Math.round(n * 1e6) / 1e6);
  return decimal === "," ? s.replace(".", ",") : s;
}

/** One field: numbers in the dialect's notation (never prefixed), text defused and quoted as needed. */
export function csvField(value: TCsvCell, dialect: TCsvDialect): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? numberText(value, dialect.decimal) : defuseFormula(value);
  return /["\r\n]/.test(text) || text.includes(dialect.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header row, data rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[], dialect: TCsvDialect = CSV_DIALECTS.ru): string {
  const line = (cells: readonly TCsvCell[]) => cells.map((c) => csvField(c, dialect)).join(dialect.delimiter) + "\r\n";
  return CSV_BOM + line(header) + rows.map(line).join("");
}

