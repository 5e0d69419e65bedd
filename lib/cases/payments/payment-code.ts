import { almatyYear } from "@/lib/platform/i18n";
import { randomBytes } from "node:crypto";

/**
 * Public payment code, printed on the receipt and checked on the public verification page:
 *
 *   PAY-YYYY-XXXX-XXXC
 *
 * YYYY = year of creation (Almaty time); X = 7 random characters of the Crockford base-32 alphabet
 * (digits and capitals without I, L, O, U: nothing to confuse when read aloud or typed);
 * C = Luhn mod 32 check character over the 11 characters YYYY + XXXXXXX, which catches every single
 * mistyped character and almost every swap of two neighbours. Input is forgiving: case, spaces,
 * missing hyphens and the look-alikes O→0, I/L→1 are normalised before the check.
 */
export const PAYMENT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N = PAYMENT_CODE_ALPHABET.length; // 32
const RANDOM_LENGTH = 7;

function valueOf(ch: string): number {
  const v = PAYMENT_CODE_ALPHABET.indexOf(ch);
  if (v < 0) throw new RangeError(`not a payment-code character: ${ch}`);
  return v;
}

/** Luhn mod N: double every second value from the right, fold in base N, sum. */
function luhnSum(payload: string, doubleRightmost: boolean): number {
  let sum = 0;
  let double = doubleRightmost;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = valueOf(payload[i]!) * (double ? 2 : 1);
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
    double = !double;
  }
  return sum;
}

/** The check character for a payload of alphabet characters. */
export function paymentCodeCheckChar(payload: string): string {
  const remainder = luhnSum(payload, true) % N;
  return PAYMENT_CODE_ALPHABET[(N - remainder) % N]!;
}

function isValidPayloadWithCheck(chars: string): boolean {
  return luhnSum(chars, false) % N === 0;
}


/** A new code for a payment created at `now`; `random` is injectable for tests. */
export function generatePaymentCode(now: Date, random: (n: number) => Uint8Array = randomBytes): string {
  const year = String(almatyYear(now));
  const bytes = random(RANDOM_LENGTH);
  let body = "";
  for (let i = 0; i < RANDOM_LENGTH; i++) body += PAYMENT_CODE_ALPHABET[bytes[i]! & 31]; // 256 = 8 × 32: uniform
  const check = paymentCodeCheckChar(year + body);
  return formatPaymentCode(year + body + check);
}

function formatPaymentCode(chars: string): string {
  return `PAY-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * The canonical form `PAY-YYYY-XXXX-XXXC` of what a person typed, or null when it is not a
 * well-formed code with a correct check character.
 */
export function normalizePaymentCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (!s.startsWith("PAY")) return null;
  s = s.slice(3).replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^\d{4}[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return null;
  return isValidPayloadWithCheck(s) ? formatPaymentCode(s) : null;
}

export function isValidPaymentCode(input: string): boolean {
  return normalizePaymentCode(input) !== null;
}
