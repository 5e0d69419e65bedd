import { getTranslations } from "next-intl/server";

/** "15 working days", "3 hours" … in the current language. */
export async function TermText({ term }: { term: { value: number; unit: "minutes" | "hours" | "workingDays" | "calendarDays" } }) {
  const t = await getTranslations("catalogue.unit");
  return <>{t(term.unit, { count: term.value })}</>;
}
