import type { TRegulationVersion } from "./schema";
import type { TVariant } from "./vocabulary";

/** A nominal working day for comparing hour norms with day terms (8 h; the offices work 7.5–8 h). */
export const NOMINAL_WORKING_DAY_MINUTES = 8 * 60;

export type TChainOverrun = {
  variant: TVariant;
  /** The sum of the step norms: whole working and calendar days, plus minutes of the hour/minute norms. */
  chain: { workingDays: number; calendarDays: number; minutes: number };
  /** The standard's legal term for the variant. */
  legal: { value: number; unit: string };
  /** The chain, every step using its whole norm, ends after the legal term. */
  exceeds: boolean;
  /** The regulation caps step deadlines at the overall due instant. */
  capped: boolean;
};

/**
 * Compares a variant's chain of step norms with its legal term (for the administrator's regulation
 * view). Hours and minutes count against a nominal working day of `dayMinutes`; a calendar-day legal
 * term counts a working day as 7/5 calendar days.
 */
export function chainOverrun(version: TRegulationVersion, variant: TVariant, dayMinutes = NOMINAL_WORKING_DAY_MINUTES): TChainOverrun | null {
  const proc = version.variants[variant];
  if (!proc) return null;
  const chain = { workingDays: 0, calendarDays: 0, minutes: 0 };
  for (const s of proc.steps) {
    if (s.term.unit === "workingDays") chain.workingDays += s.term.value;
    else if (s.term.unit === "calendarDays") chain.calendarDays += s.term.value;
    else chain.minutes += s.term.unit === "hours" ? s.term.value * 60 : s.term.value;
  }
  const wd = chain.workingDays + chain.minutes / dayMinutes;
  const legal = proc.overallTerm;
  const exceeds =
    legal.unit === "workingDays"
      ? wd + chain.calendarDays > legal.value
      : legal.unit === "calendarDays"
        ? (wd * 7) / 5 + chain.calendarDays > legal.value
        : chain.minutes + (chain.workingDays + chain.calendarDays) * dayMinutes > (legal.unit === "hours" ? legal.value * 60 : legal.value);
  return { variant, chain, legal: { value: legal.value, unit: legal.unit }, exceeds, capped: proc.capStepTermsToOverallTerm };
}

/** Every variant of a version whose chain of step norms exceeds its legal term. */
export function overrunningVariants(version: TRegulationVersion): TChainOverrun[] {
  return version.scope.variants.map((v) => chainOverrun(version, v)).filter((o): o is TChainOverrun => !!o && o.exceeds);
}
