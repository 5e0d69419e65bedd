import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listOrganisationOptions, OFFICER_ROLES, SIGNING_ROLES, SUPERVISOR_SCOPES } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { orgName } from "@/components/admin/format";
import { OfficerCreateForm } from "@/app/[locale]/admin/officers/_components/officer-create-form";
import { PageTitle } from "@/components/ui/page-title";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewOfficerPage({ searchParams }: Props) {
  await requireActor("admin.users");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.officer");
  const preset = z.object({ organisationId: z.uuid().optional().catch(undefined) }).parse(await searchParams).organisationId ?? null;
  const orgs = await listOrganisationOptions(getDb());
  return (
    <div>
      <Link href="/admin/officers" className="font-semibold text-brand-700 underline underline-offset-4">
        {t("backToList")}
      </Link>
      <div className="mt-3">
        <PageTitle lead={t("newLead")}>{t("newTitle")}</PageTitle>
      </div>
      <OfficerCreateForm
        roles={OFFICER_ROLES}
        signingRoles={SIGNING_ROLES}
        scopes={SUPERVISOR_SCOPES}
        organisations={orgs.map((o) => ({ id: o.id, name: orgName(o, locale), active: o.active }))}
        defaultOrganisationId={orgs.some((o) => o.id === preset) ? preset : null}
      />
    </div>
  );
}
