import { regionName } from "@/components/layout/region-name";
import { getLocale, getTranslations } from "next-intl/server";
import { idParam } from "@/app/_server/id-param";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getOrganisationForAdmin } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { ActiveToggle } from "@/app/[locale]/admin/_components/active-toggle";
import { orgName } from "@/components/admin/format";
import { OrganisationForm } from "@/app/[locale]/admin/organisations/_components/organisation-form";
import { ActiveBadge } from "@/components/admin/active-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orNotFound } from "@/app/_server/or-not-found";

type Props = { params: Promise<{ id: string }> };

/** One organisation: names, contacts, working and reception hours; activation; its officers. */
export default async function OrganisationPage({ params }: Props) {
  const actor = await requireActor("admin.organisations");
  const id = await idParam(params);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.organisation");
  const tAll = await getTranslations();
  const org = await orNotFound(getOrganisationForAdmin(getDb(), actor, id));
  const name = orgName(org, locale);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <PageHeader
          back={{ href: "/admin", label: t("back") }}
          lead={t("lead", { code: org.code, region: regionName(tAll, org.region), updated: formatDateTime(org.updatedAt, locale) })}
        >
          {name}
        </PageHeader>
        <ActiveBadge active={org.active}>{org.active ? t("statusActive") : t("statusInactive")}</ActiveBadge>
      </div>

      <Section id="org-edit" title={t("editTitle")}>
        <OrganisationForm
          org={{
            id: org.id,
            nameKk: org.nameKk,
            nameRu: org.nameRu,
            nameEn: org.nameEn,
            addressKk: org.addressKk,
            addressRu: org.addressRu,
            addressEn: org.addressEn,
            phone: org.phone,
            email: org.email,
            workingHours: org.workingHours ? { start: org.workingHours.start, end: org.workingHours.end, breaks: org.workingHours.breaks } : null,
            receptionHours: org.receptionHours ? { start: org.receptionHours.start, end: org.receptionHours.end, breaks: org.receptionHours.breaks } : null,
            updatedAt: org.updatedAt.toISOString(),
          }}
        />
      </Section>

      <Section id="org-staff" title={t("staffTitle")}>
        <p>{t("staffCount", { active: org.activeStaff, inactive: org.inactiveStaff })}</p>
        <div className="flex flex-wrap gap-6">
          <Link href={{ pathname: "/admin/officers", query: { organisationId: org.id } }} className="font-semibold text-brand-700 underline underline-offset-4">
            {t("viewOfficers")}
          </Link>
          {org.active ? (
            <Link
              href={{ pathname: "/admin/officers/new", query: { organisationId: org.id } }}
              className="font-semibold text-brand-700 underline underline-offset-4"
            >
              {t("addOfficer")}
            </Link>
          ) : null}
        </div>
      </Section>

      <Section id="org-status" title={t("statusTitle")}>
        <ActiveToggle
          kind="organisation"
          id={org.id}
          active={org.active}
          warning={t("deactivateWarning", { applications: org.openApplications, staff: org.activeStaff })}
        />
      </Section>
    </div>
  );
}
