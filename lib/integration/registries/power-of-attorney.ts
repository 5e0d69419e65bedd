import { z } from "zod";
import { DomainError, ZIin, fieldError } from "@/lib/platform/core";
import { almatyDate } from "@/lib/platform/i18n";

/**
 * Longest term of a power of attorney under the Civil Code of the Republic of Kazakhstan
 * (art. 170: at most three years; one year when no term is written). We do not ask for the
 * written term, so a power of attorney dated more than three years ago cannot be in force and is
 * refused; one dated within three years is accepted and the officer checks its stated term on the
 * paper (or enters `validUntil`, which must not have passed). A period counted in years ends on
 * the same day and month of its last year, so a document dated exactly three years ago passes.
 */
export const POA_MAX_AGE_YEARS = 3;

const notarisedField = z
  .union([z.boolean(), z.enum(["on", "true", "false", "off"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A representative acting under a power of attorney, as the officer enters it at walk-in intake [002 L202-207]. */
export const ZPowerOfAttorney = z.object({
  iin: ZIin,
  fullName: z.string().trim().min(3, { message: "validation.required" }).max(300, { message: "validation.too_big" }),
  poaNumber: z.string().trim().min(1, { message: "validation.required" }).max(50, { message: "validation.too_big" }),
  poaDate: z.iso.date({ message: "validation.invalid_format" }),
  validUntil: z.iso
    .date({ message: "validation.invalid_format" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // 002: only a notarised power of attorney is entered; one certified otherwise is not.
  notarised: notarisedField.refine((v) => v, { message: "registries.poa_not_notarised" }),
});
export type TPowerOfAttorney = z.infer<typeof ZPowerOfAttorney>;

function yearsBefore(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) - years;
  return `${String(y).padStart(4, "0")}${isoDate.slice(4)}`;
}


/**
 * Validates a power of attorney at `now`: shape (IIN checksum, name, number, dates) and the rules
 * — notarised (`registries.poa_not_notarised`), dated not in the future
 * (`registries.poa_date_in_future`), not older than three years (`registries.poa_too_old`), and a
 * `validUntil`, if given, not passed (`registries.poa_expired`). Errors carry `fieldErrors`.
 */
export function checkPowerOfAttorney(raw: unknown, now: Date): TPowerOfAttorney {
  const parsed = ZPowerOfAttorney.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "_form";
      fieldErrors[key] ??= issue.message.includes(".") ? issue.message : `validation.${issue.code}`;
    }
    const onlyNotarised = Object.keys(fieldErrors).length === 1 && fieldErrors.notarised === "registries.poa_not_notarised";
    throw new DomainError(onlyNotarised ? "registries.poa_not_notarised" : "validation.failed", { fieldErrors });
  }
  const poa = parsed.data;
  const today = almatyDate(now);
  if (poa.poaDate > today) fieldError("registries.poa_date_in_future", "poaDate");
  if (poa.poaDate < yearsBefore(today, POA_MAX_AGE_YEARS)) fieldError("registries.poa_too_old", "poaDate");
  if (poa.validUntil !== undefined) {
    if (poa.validUntil < poa.poaDate) fieldError("registries.poa_valid_until_before_date", "validUntil");
    if (poa.validUntil < today) fieldError("registries.poa_expired", "validUntil");
  }
  return poa;
}

/** Fields of a `Representative` row for a checked power of attorney. */
export function representativeData(poa: TPowerOfAttorney) {
  return {
    iin: poa.iin,
    fullName: poa.fullName,
    basis: "POWER_OF_ATTORNEY" as const,
    poaNumber: poa.poaNumber,
    poaDate: new Date(`${poa.poaDate}T00:00:00Z`),
    poaNotarised: true,
  };
}
