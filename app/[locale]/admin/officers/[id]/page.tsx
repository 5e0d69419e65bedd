import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getOfficer, listOrganisationOptions, OFFICER_ROLES, SIGNING_ROLES, SUPERVISOR_SCOPES } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { ActiveToggle } from "@/app/[locale]/admin/_components/active-toggle";
import { fullName, orgName } from "@/components/admin/format";
import { OfficerAccessForm } from "@/app/[locale]/admin/officers/_components/officer-access-form";
import { ResetPasswordForm } from "@/app/[locale]/admin/officers/_components/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { orNotFound } from "@/app/_server/or-not-found";

type Props = { params: Promise<{ id: string }> };

/** One staff account: personal data, role and organisation, access, password. */
export default async function OfficerPage({ params }: Props) {
  const actor = await requireActor("admin.users");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const locale = (await getLocale()) as Locale;
  const [t, tr] = await Promise.all([getTranslations("admin.officer"), getTranslations("common.roles")]);
  const db = getDb();
  const [officer, orgs] = await Promise.all([orNotFound(getOfficer(db, actor, id.data)), listOrganisationOptions(db)]);
  const isSelf = officer.id === actor.userId;
  const rows: [string, string][] = [
    [t("login"), officer.login],
    [t("iin"), officer.iin ?? "—"],
    [t("role"), tr(officer.role)],
    [t("organisation"), orgName(officer.organisation, locale)],
    [t("position"), officer.position ?? "—"],
    [t("email"), officer.email ?? "—"],
    [t("phone"), officer.phone ?? "—"],
    [t("createdAt"), formatDateTime(officer.createdAt, locale)],
  ];
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href={{ pathname: "/admin/officers", query: officer.organisationId ? { organisationId: officer.organisationId } : {} }} className="font-semibold text-brand-700 underline underline-offset-4">
          {t("backToList")}
        </Link>
        <div className="mt-3">
          <PageTitle lead={`${tr(officer.role)} · ${orgName(officer.organisation, locale)}`}>{fullName(officer)}</PageTitle>
        </div>
        <p className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${officer.active ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>
          {officer.active ? t("statusActive") : t("statusInactive")}
        </p>
      </div>

      <section aria-labelledby="of-details" className="flex flex-col gap-3">
        <h2 id="of-details" className="text-xl font-semibold">
          {t("details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-[max-content_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd className={k === t("login") || k === t("iin") ? "font-mono" : undefined}>{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="of-access" className="flex flex-col gap-3">
        <h2 id="of-access" className="text-xl font-semibold">
          {t("accessTitle")}
        </h2>
        <p className="text-slate-700">{t("accessLead")}</p>
        {officer.openAssignments > 0 ? <Alert tone="info">{t("openAssignments", { count: officer.openAssignments })}</Alert> : null}
        <OfficerAccessForm
          roles={OFFICER_ROLES}
          signingRoles={SIGNING_ROLES}
          scopes={SUPERVISOR_SCOPES}
          officer={{ id: officer.id, role: officer.role, organisationId: officer.organisationId, canSign: officer.canSign, supervisorScope: officer.supervisorScope, updatedAt: officer.updatedAt.toISOString() }}
          organisations={orgs.map((o) => ({ id: o.id, name: orgName(o, locale), active: o.active }))}
          isSelf={isSelf}
        />
      </section>

      <section aria-labelledby="of-status" className="flex flex-col gap-3">
        <h2 id="of-status" className="text-xl font-semibold">
          {t("statusTitle")}
        </h2>
        {isSelf ? <p>{t("selfNote")}</p> : <ActiveToggle kind="officer" id={officer.id} active={officer.active} warning={officer.openAssignments > 0 ? t("openAssignments", { count: officer.openAssignments }) : undefined} />}
      </section>

      <section aria-labelledby="of-password" className="flex flex-col gap-3">
        <h2 id="of-password" className="text-xl font-semibold">
          {t("resetTitle")}
        </h2>
        <ResetPasswordForm id={officer.id} />
      </section>
    </div>
  );
}
