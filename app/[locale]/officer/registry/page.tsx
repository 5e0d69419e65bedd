import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { PageTitle } from "@/components/ui/page-title";
import { RegistryLookup } from "@/app/[locale]/officer/_components/registry-lookup";
import { titleMetadata } from "@/components/i18n/title-metadata";

export const generateMetadata = titleMetadata("registries.lookup.title");

/** Officers try a lookup in the "Legal entities" database (the walk-in intake reuses the same component). */
export default async function RegistryLookupPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireActor("registry.lookup");
  const t = await getTranslations("registries");
  return (
    <div className="max-w-3xl">
      <PageTitle lead={t("lookup.lead")}>{t("lookup.title")}</PageTitle>
      <RegistryLookup />
    </div>
  );
}
