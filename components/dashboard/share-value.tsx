import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/platform/i18n";
import { intlLocale } from "@/lib/platform/i18n";

/** 87.5 % in the reader's notation, or "no data" when nothing was counted (never 0 % or 100 %). */
export function formatShare(value: number | null, locale: Locale): string | null {
  if (value === null) return null;
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value * 100)} %`;
}

export async function ShareValue({ value }: { value: number | null }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor.quality");
  const text = formatShare(value, locale);
  return text === null ? <span className="text-slate-600 italic">{t("noData")}</span> : <span className="font-semibold tabular-nums">{text}</span>;
}
