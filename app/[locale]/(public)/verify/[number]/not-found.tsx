import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";

/** An unknown licence number: say so plainly and offer the search again (HTTP 404). */
export default async function LicenceNotFound() {
  const t = await getTranslations("licences.verify");
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-slate-700">{t("notFoundLead")}</p>
      <Link href="/verify" className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t("backToSearch")}
      </Link>
    </div>
  );
}
