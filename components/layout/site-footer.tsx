import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { isDemoMode } from "@/lib/platform/demo";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700 sm:px-6">
        <p>{t("footer.callCentre")}</p>
        <p>{t("footer.timeZone")}</p>
        <p className="mt-2 flex flex-wrap gap-4">
          <Link href="/verify" className="text-brand-700 underline">
            {t("footer.verify")}
          </Link>
          {isDemoMode(process.env) && (
            <Link href="/demo-certificates" className="text-brand-700 underline">
              {t("footer.demoCertificates")}
            </Link>
          )}
        </p>
      </div>
    </footer>
  );
}
