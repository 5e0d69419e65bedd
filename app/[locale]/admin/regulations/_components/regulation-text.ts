import type { getTranslations } from "next-intl/server";
import { formatIsoDay, orgName } from "@/components/admin/format";
import { regionName } from "@/components/layout/region-name";

// The words the list of regulation versions and one version's page both say about a version.

type T = Awaited<ReturnType<typeof getTranslations<"admin.regulations">>>;
type TAll = Awaited<ReturnType<typeof getTranslations>>;
type Named = { nameKk: string; nameRu: string; nameEn: string };
type Version = { organisation: Named | null; region: string | null; effectiveFrom: string; effectiveTo: string | null };

/** The service's title in the reader's language. */
export function serviceTitle(s: { titleKk: string; titleRu: string; titleEn: string }, locale: string): string {
  return locale === "kk" ? s.titleKk : locale === "ru" ? s.titleRu : s.titleEn;
}

/** Where the version applies: one organisation, a region, or the default for the whole country. */
export function regulationBinding(t: T, tAll: TAll, locale: string, v: Version): string {
  if (v.organisation) return t("bindingOrganisation", { name: orgName(v.organisation, locale) });
  return v.region ? t("bindingRegion", { region: regionName(tAll, v.region) }) : t("bindingDefault");
}

/** "1 January 2026 – open-ended": the days the version is in force. */
export function effectivePeriod(t: T, locale: string, v: Version): string {
  return `${formatIsoDay(v.effectiveFrom, locale, false)} – ${v.effectiveTo ? formatIsoDay(v.effectiveTo, locale, false) : t("openEnded")}`;
}
