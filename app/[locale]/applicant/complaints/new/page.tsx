import { z } from "zod";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { COMPLAINT_KINDS, complaintFormOptions } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { PageHeader } from "@/components/ui/page-header";
import { ComplaintForm } from "@/app/[locale]/applicant/complaints/_components/complaint-form";

export const generateMetadata = titleMetadata("complaints.form.title");

const ZQuery = z.object({ application: z.uuid().optional() });

/** A new complaint; `?application=<id>` preselects one of the applicant's applications. */
export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("complaint.file");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const q = ZQuery.safeParse(await searchParams);
  const o = await complaintFormOptions(getDb(), actor);
  const name = (x: { nameKk: string; nameRu: string; nameEn: string }) => (locale === "kk" ? x.nameKk : locale === "ru" ? x.nameRu : x.nameEn);
  const orgName = new Map(o.organisations.map((x) => [x.id, name(x)]));
  const preselected = q.success && o.applications.some((a) => a.id === q.data.application) ? q.data.application : undefined;
  return (
    <div>
      <PageHeader back={{ href: "/applicant/complaints", label: t("my.back") }} lead={t("form.lead")}>
        {t("form.title")}
      </PageHeader>
      <ComplaintForm
        kinds={COMPLAINT_KINDS}
        applications={o.applications.map((a) => ({
          value: a.id,
          organisationId: a.organisationId,
          label: `${a.registrationNumber} · ${getService(a.serviceCode)?.shortTitle[locale] ?? a.serviceCode} · ${orgName.get(a.organisationId) ?? ""}`,
        }))}
        organisations={o.organisations.map((x) => ({ value: x.id, label: name(x) }))}
        officers={o.officers.map((x) => ({
          value: x.id,
          organisationId: x.organisationId,
          label: [x.name, x.position, x.organisationId ? orgName.get(x.organisationId) : null].filter(Boolean).join(" · "),
        }))}
        defaults={{ applicationId: preselected, fullName: o.defaults.fullName, postalAddress: o.defaults.postalAddress, addressee: t("form.addresseeDefault") }}
      />
    </div>
  );
}
