import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700 sm:px-6">
        <p>{t("footer.callCentre")}</p>
        <p>{t("footer.timeZone")}</p>
      </div>
    </footer>
  );
}
