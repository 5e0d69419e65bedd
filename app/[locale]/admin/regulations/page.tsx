import { regionName } from "@/components/layout/region-name";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listRegulationVersions } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { formatIsoDay, orgName } from "@/components/admin/format";
import { RegulationUploadForm } from "@/app/[locale]/admin/regulations/_components/regulation-upload-form";
import { ValidityBadge } from "@/components/admin/validity-badge";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/table";

/** Activated regulation versions and the upload of a new one. */
export default async function RegulationsPage() {
  const actor = await requireActor("admin.regulations");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.regulations");
  const tAll = await getTranslations();
  const rows = await listRegulationVersions(getDb(), actor, { now: new Date() });
  const serviceTitle = (s: { titleKk: string; titleRu: string; titleEn: string }) => (locale === "kk" ? s.titleKk : locale === "ru" ? s.titleRu : s.titleEn);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <section aria-labelledby="reg-upload" className="flex flex-col gap-3">
        <h2 id="reg-upload" className="text-xl font-semibold">
          {t("uploadTitle")}
        </h2>
        <p className="text-slate-700">{t("uploadLead")}</p>
        <RegulationUploadForm />
      </section>
      <section aria-labelledby="reg-list" className="flex flex-col gap-3">
        <h2 id="reg-list" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        <DataTable
          caption={t("listTitle")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "regulation",
              header: t("columns.regulation"),
              cell: (r) => (
                <Link
                  href={`/admin/regulations/${r.id}`}
                  className="font-mono font-semibold text-brand-700 underline underline-offset-4"
                  aria-label={t("viewSteps", { id: r.regulationId, version: r.version })}
                >
                  {r.regulationId} v{r.version}
                </Link>
              ),
            },
            { key: "service", header: t("columns.service"), cell: (r) => serviceTitle(r.service) },
            {
              key: "binding",
              header: t("columns.binding"),
              cell: (r) =>
                r.organisation
                  ? t("bindingOrganisation", { name: orgName(r.organisation, locale) })
                  : r.region
                    ? t("bindingRegion", { region: regionName(tAll, r.region) })
                    : t("bindingDefault"),
            },
            {
              key: "effective",
              header: t("columns.effective"),
              cell: (r) => (
                <>
                  {formatIsoDay(r.effectiveFrom, locale, false)} – {r.effectiveTo ? formatIsoDay(r.effectiveTo, locale, false) : t("openEnded")}
                  <br />
                  <ValidityBadge validity={r.validity} />
                </>
              ),
            },
            {
              key: "activated",
              header: t("columns.activated"),
              cell: (r) => (
                <>
                  {formatDateTime(r.activatedAt, locale)}
                  <br />
                  <span className="text-slate-700">{r.activatedBy ?? t("initialData")}</span>
                </>
              ),
            },
            {
              key: "applications",
              header: t("columns.applications"),
              cell: (r) => t("applicationsCount", { running: r.runningApplications, total: r.applications }),
            },
          ]}
        />
      </section>
    </div>
  );
}
