import { notFound } from "next/navigation";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_server/or-not-found";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { Link } from "@/components/i18n/navigation";
import { getApplication } from "@/lib/cases/applications";
import { getService, type TVariantCode } from "@/lib/law/catalogue";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { PrintButton } from "@/components/intake/print-button";

export const generateMetadata = titleMetadata("applications.receipt.title");

/** The applicant's printable receipt (notification-report): number, date and time, provider, ready-by date, what was filed. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor("application.read_own");
  const app = await orNotFound(getApplication(getDb(), actor, id));
  if (!app.registrationNumber) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications.receipt");
  const ta = await getTranslations("applications");
  const service = getService(app.serviceCode);
  const org = locale === "kk" ? app.organisation.nameKk : locale === "ru" ? app.organisation.nameRu : app.organisation.nameEn;
  const rows: [string, string][] = [
    [t("number"), app.registrationNumber],
    [t("registeredAt"), app.registeredAt ? formatDateTime(app.registeredAt, locale) : app.submittedAt ? formatDateTime(app.submittedAt, locale) : "—"],
    [t("service"), `${service?.shortTitle[locale] ?? app.serviceCode} · ${ta(`variantNames.${app.variant.toLowerCase() as TVariantCode}` as never)}`],
    [t("applicant"), `${app.applicantName} (${app.applicantIdentifier})`],
    [t("provider"), org],
    [t("readyBy"), app.dueAt ? formatDateTime(app.dueAt, locale) : "—"],
    [t("documents"), app.documents.map((d) => d.fileName).join("; ") || "—"],
  ];
  return (
    <div className="flex max-w-3xl flex-col gap-5" data-testid="receipt">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <dl className="divide-y divide-slate-300 border-y border-slate-300 bg-white">
        {rows.map(([k, v]) => (
          <div key={k} className="grid gap-1 p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:gap-4">
            <dt className="font-medium">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700">{t("note")}</p>
      <div className="flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton label={t("print")} />
        <Link className="text-brand-700 underline" href={`/applicant/applications/${app.id}`}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
