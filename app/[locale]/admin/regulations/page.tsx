import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listRegulationVersions } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { effectivePeriod, regulationBinding, serviceTitle } from "@/app/[locale]/admin/regulations/_components/regulation-text";
import { RegulationUploadForm } from "@/app/[locale]/admin/regulations/_components/regulation-upload-form";
import { ValidityBadge } from "@/components/admin/validity-badge";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";

/** Activated regulation versions and the upload of a new one. */
export default async function RegulationsPage() {
  const actor = await requireActor("admin.regulations");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.regulations");
  const tAll = await getTranslations();
  const rows = await listRegulationVersions(getDb(), actor, { now: new Date() });
  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Section id="reg-upload" title={t("uploadTitle")}>
        <p className="text-slate-700">{t("uploadLead")}</p>
        <RegulationUploadForm />
      </Section>
      <Section id="reg-list" title={t("listTitle")}>
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
            { key: "service", header: t("columns.service"), cell: (r) => serviceTitle(r.service, locale) },
            { key: "binding", header: t("columns.binding"), cell: (r) => regulationBinding(t, tAll, locale, r) },
            {
              key: "effective",
              header: t("columns.effective"),
              cell: (r) => (
                <>
                  {effectivePeriod(t, locale, r)}
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
      </Section>
    </div>
  );
}
