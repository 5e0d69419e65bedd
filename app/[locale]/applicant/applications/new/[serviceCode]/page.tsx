import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { recipientOf } from "@/lib/cases/applications";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/lib/platform/db";
import type { Locale } from "@/lib/platform/i18n";
import { organisationsForService } from "@/lib/law/organisations";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { NewApplicationForm } from "@/components/applications/new-application-form";

/** Step 0 of the wizard: variant, provider and (for re-issue, duplicate, annex) the licence. */
export default async function NewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const actor = await requireActor(["APPLICANT"]);
  const { serviceCode } = await params;
  const service = getService(serviceCode);
  if (!service) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications.new");
  const db = getDb();
  const subject = await db.subject.findUniqueOrThrow({ where: { id: actor.subjectId! } });
  const allowed = service.recipients.includes(recipientOf(subject.kind));
  const licences = await db.licence.findMany({
    where: { holderId: subject.id, serviceCode: service.code, status: { in: ["ACTIVE", "SUSPENDED"] } },
    select: { id: true, number: true, organisation: { select: { code: true } } },
    orderBy: { issuedAt: "desc" },
  });
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
          providers={organisationsForService(service.code).map((o) => ({ code: o.code, name: o.name[locale] }))}
          licences={licences.map((l) => ({ id: l.id, number: l.number, organisationCode: l.organisation.code }))}
        />
      )}
    </div>
  );
}
