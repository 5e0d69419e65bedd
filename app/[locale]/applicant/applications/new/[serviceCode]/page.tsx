import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getNewApplicationContext } from "@/lib/cases/applications";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { organisationsForService } from "@/lib/law/organisations";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { NewApplicationForm } from "@/app/[locale]/applicant/applications/new/[serviceCode]/_components/new-application-form";

/** Step 0 of the wizard: variant, provider and (for re-issue, duplicate, annex) the licence. */
export default async function NewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const actor = await requireActor("application.create");
  const { serviceCode } = await params;
  const service = getService(serviceCode);
  if (!service) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications.new");
  const { recipient, licences } = await getNewApplicationContext(getDb(), actor, service.code);
  const allowed = service.recipients.includes(recipient);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle lead={service.title[locale]}>{t("title", { service: service.shortTitle[locale] })}</PageTitle>
      {!service.channels.includes("portal") ? (
        <Alert tone="error">{t("notOnline")}</Alert>
      ) : !allowed ? (
        <Alert tone="error">{t("recipientNotAllowed")}</Alert>
      ) : (
        <NewApplicationForm
          serviceCode={service.code}
          defaultVariant={typeof sp.variant === "string" ? sp.variant : undefined}
          defaultLicenceId={typeof sp.licence === "string" ? sp.licence : undefined}
          variants={service.variants.map((v) => v.code)}
          providers={organisationsForService(service.code).map((o) => ({ code: o.code, name: o.name[locale], regionName: o.regionName[locale] }))}
          licences={licences}
        />
      )}
    </div>
  );
}
