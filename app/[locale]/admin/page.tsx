import { regionName } from "@/components/layout/region-name";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listOrganisationsWithStaff } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { orgName } from "@/components/admin/format";
import { PageTitle } from "@/components/ui/page-title";
import { linkColumn } from "@/components/ui/link-column";
import { DataTable } from "@/components/ui/table";

export default async function AdminHome() {
  await requireActor("admin.area");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin");
  const tAll = await getTranslations();
  const orgs = await listOrganisationsWithStaff(getDb());
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <DataTable
        caption={t("organisations")}
        rows={orgs}
        rowKey={(o) => o.id}
        columns={[
          linkColumn<(typeof orgs)[number]>({
            key: "organisation",
            header: t("columns.organisation"),
            mono: false,
            link: (o) => ({ href: `/admin/organisations/${o.id}`, text: orgName(o, locale) }),
          }),
          { key: "region", header: t("columns.region"), cell: (o) => regionName(tAll, o.region) },
          { key: "hours", header: t("columns.hours"), cell: (o) => o.hours },
          {
            key: "staff",
            header: t("columns.staff"),
            numeric: true,
            cell: (o) => (
              <Link
                href={{ pathname: "/admin/officers", query: { organisationId: o.id } }}
                className="text-brand-700 underline underline-offset-4"
                aria-label={t("staffLink", { count: o.staff, name: orgName(o, locale) })}
              >
                {o.staff}
              </Link>
            ),
          },
          { key: "status", header: t("columns.status"), cell: (o) => (o.active ? t("active") : t("inactive")) },
        ]}
      />
    </div>
  );
}
