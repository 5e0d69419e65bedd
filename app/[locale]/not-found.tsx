import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("lead")}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t("home")}
      </Link>
    </div>
  );
}
