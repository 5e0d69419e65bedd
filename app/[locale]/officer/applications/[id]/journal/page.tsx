import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getJournalEntry } from "@/lib/cases/officer-actions";
import { DataTable } from "@/components/ui/table";
import { PrintButton } from "../_components/print-button";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";

type Params = { locale: string; id: string };

export const generateMetadata = titleMetadata("officer.journal.title");

/**
 * The printable entry of the service journal for a result handed over on paper: the applicant
 * signs it on receipt [000 L146-150]. Only the page content is printed.
 */
export default async function JournalEntryPage({ params }: { params: Promise<Params> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor("worklist.read");
  if (!z.string().uuid().safeParse(id).success) notFound();
  const entry = await orNotFound(getJournalEntry(getDb(), actor, id));
  const { app, handOver, decisionKind, officerName } = entry;
  const t = await getTranslations("officer.journal");
  const tw = await getTranslations("workflow");
  const loc = locale as Locale;
  const orgName = loc === "kk" ? app.organisation.nameKk : loc === "ru" ? app.organisation.nameRu : app.organisation.nameEn;
  const result = decisionKind ? tw(`decision.${decisionKind}`) : app.status;
  const rows: [string, string][] = [
    [t("organisation"), orgName],
    [t("number"), app.registrationNumber ?? "—"],
    [t("service"), getService(app.serviceCode)?.title[loc] ?? app.serviceCode],
    [t("applicant"), `${app.applicantName} (${app.applicantIdentifier})`],
    [t("result"), result],
    [t("mode"), tw(`handOverMode.${handOver.mode}`)],
    [t("handedAt"), formatDateTime(new Date(handOver.at), loc)],
    [t("recipient"), handOver.recipientName ?? "—"],
    [t("officer"), officerName ?? "—"],
  ];
  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="journal-title">
      {/* Only the entry on paper: the site header and footer are not part of it. */}
      <style>{"@media print { body header, body footer, .skip-link { display: none !important; } main { padding: 0 !important; } }"}</style>
      <p className="mb-4 print:hidden">
        <TextLink href={`/officer/applications/${app.id}`}>← {t("back")}</TextLink>
      </p>
      <h1 id="journal-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-1 text-slate-700">{t("lead")}</p>
      {/* The two signature rows are left blank for the pen: no value, a taller row. */}
      <DataTable
        caption={t("title")}
        hideHeader
        className="mt-4"
        rows={[...rows, [t("recipientSignature"), null] as const, [t("officerSignature"), null] as const]}
        rowKey={([k]) => k}
        rowClassName={([, v]) => (v === null ? "h-16" : undefined)}
        columns={[
          // A printed form: every cell ruled; the header row is hidden, so the headers stay empty.
          { key: "field", header: null, rowHeader: true, className: "w-1/3 border border-slate-400", cell: ([k]) => k },
          { key: "value", header: null, className: "border border-slate-400", cell: ([, v]) => v },
        ]}
      />
      <div className="mt-6">
        <PrintButton />
      </div>
    </article>
  );
}
