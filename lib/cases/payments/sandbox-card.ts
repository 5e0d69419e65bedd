import { z } from "zod";

/** The sandbox decides the outcome by the card number (shown on its payment page). */
export const SANDBOX_TEST_CARDS = {
  "4405645000006150": "PAID",
  "4000000000000002": "DECLINED",
  "4000000000000119": "TIMEOUT",
} as const satisfies Record<string, "PAID" | "DECLINED" | "TIMEOUT">;
export type TSandboxOutcome = (typeof SANDBOX_TEST_CARDS)[keyof typeof SANDBOX_TEST_CARDS];

/** Luhn (mod 10) check of a card number given as digits. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function sandboxOutcomeFor(cardDigits: string): TSandboxOutcome | null {
  return (SANDBOX_TEST_CARDS as Record<string, TSandboxOutcome>)[cardDigits] ?? null;
}

/** Card form of the sandbox payment page. Expiry in the past is checked with `now` by the use case. */
export const ZSandboxCardInput = z.object({
  orderId: z.uuid(),
  cardNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, "payments.sandbox.card_format")
        .refine(isLuhnValid, "payments.sandbox.card_luhn"),
    ),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "payments.sandbox.expiry_format")
    .transform((s) => {
      const [mm, yy] = s.split("/").map((p) => Number(p.trim()));
      return { month: mm!, year: 2000 + yy! };
    }),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "payments.sandbox.cvc_format"),
  holder: z
    .string()
    .trim()
    .min(2, "payments.sandbox.holder_format")
    .max(60, "payments.sandbox.holder_format")
    .regex(/^[A-Za-z][A-Za-z .'-]*$/, "payments.sandbox.holder_format"),
});
export type TSandboxCardInput = z.infer<typeof ZSandboxCardInput>;

/** A card is valid through the last day of its expiry month (UTC is close enough for a sandbox). */
export function isCardExpired(expiry: { month: number; year: number }, now: Date): boolean {
  const firstDayAfter = Date.UTC(expiry.year, expiry.month, 1);
  return now.getTime() >= firstDayAfter;
}
