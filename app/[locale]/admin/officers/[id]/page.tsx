import { getLocale, getTranslations } from "next-intl/server";
import { idParam } from "@/app/_server/id-param";
import { requireActor } from "@/app/_server/session";
import { getOfficer, listOrganisationOptions, OFFICER_ROLES, SIGNING_ROLES, SUPERVISOR_SCOPES } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { ActiveToggle } from "@/app/[locale]/admin/_components/active-toggle";
import { fullName, orgName } from "@/components/admin/format";
import { OfficerAccessForm } from "@/app/[locale]/admin/officers/_components/officer-access-form";
import { ResetPasswordForm } from "@/app/[locale]/admin/officers/_components/reset-password-form";
import { ActiveBadge } from "@/components/admin/active-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SummaryList, type SummaryRow } from "@/components/ui/summary-list";
import { orNotFound } from "@/app/_server/or-not-found";

type Props = { params: Promise<{ id: string }> };

/** One staff account: personal data, role and organisation, access, password. */
export default async function OfficerPage({ params }: Props) {
  const actor = await requireActor("admin.users");
  const id = await idParam(params);
  const locale = (await getLocale()) as Locale;
  const [t, tr] = await Promise.all([getTranslations("admin.officer"), getTranslations("common.roles")]);
  const db = getDb();
  const [officer, orgs] = await Promise.all([orNotFound(getOfficer(db, actor, id)), listOrganisationOptions(db)]);
  const isSelf = officer.id === actor.userId;
  const rows: SummaryRow[] = [
    { label: t("login"), value: officer.login, mono: true },
    { label: t("iin"), value: officer.iin ?? "—", mono: true },
    { label: t("role"), value: tr(officer.role) },
    { label: t("organisation"), value: orgName(officer.organisation, locale) },
    { label: t("position"), value: officer.position ?? "—" },
    { label: t("email"), value: officer.email ?? "—" },
    { label: t("phone"), value: officer.phone ?? "—" },
    { label: t("createdAt"), value: formatDateTime(officer.createdAt, locale) },
  ];
  return (
    <div className="flex flex-col gap-8">
      <div>
        <PageHeader
          back={{
            href: { pathname: "/admin/officers", query: officer.organisationId ? { organisationId: officer.organisationId } : {} },
            label: t("backToList"),
          }}
          lead={`${tr(officer.role)} · ${orgName(officer.organisation, locale)}`}
        >
          {fullName(officer)}
        </PageHeader>
        <ActiveBadge active={officer.active}>{officer.active ? t("statusActive") : t("statusInactive")}</ActiveBadge>
      </div>

      <Section id="of-details" title={t("details")}>
        <SummaryList rows={rows} />
      </Section>

      <Section id="of-access" title={t("accessTitle")}>
        <p className="text-slate-700">{t("accessLead")}</p>
        {officer.openAssignments > 0 ? <Alert tone="info">{t("openAssignments", { count: officer.openAssignments })}</Alert> : null}
        <OfficerAccessForm
          roles={OFFICER_ROLES}
          signingRoles={SIGNING_ROLES}
          scopes={SUPERVISOR_SCOPES}
          officer={{
            id: officer.id,
            role: officer.role,
            organisationId: officer.organisationId,
            canSign: officer.canSign,
            supervisorScope: officer.supervisorScope,
            updatedAt: officer.updatedAt.toISOString(),
          }}
          organisations={orgs.map((o) => ({ id: o.id, name: orgName(o, locale), active: o.active }))}
          isSelf={isSelf}
        />
      </Section>

      <Section id="of-status" title={t("statusTitle")}>
        {isSelf ? (
          <p>{t("selfNote")}</p>
        ) : (
          <ActiveToggle
            kind="officer"
            id={officer.id}
            active={officer.active}
            warning={officer.openAssignments > 0 ? t("openAssignments", { count: officer.openAssignments }) : undefined}
          />
        )}
      </Section>

      <Section id="of-password" title={t("resetTitle")}>
        <ResetPasswordForm id={officer.id} />
      </Section>
    </div>
  );
}
