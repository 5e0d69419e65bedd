import { orNotFound } from "@/app/_server/or-not-found";
import { idParam } from "@/app/_server/id-param";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getComplaint } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { ComplaintTicket } from "@/components/complaints/complaint-details";
import { PrintButton } from "@/components/complaints/print-button";

/** The ticket alone, for printing (the browser's "print to PDF" keeps a copy). */
export default async function ComplaintTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await idParam(params);
  const actor = await requireActor("complaint.file");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const c = await orNotFound(getComplaint(getDb(), actor, id, new Date()));
  return (
    <div className="max-w-3xl">
      <div className="mb-4 flex flex-wrap items-center gap-4 print:hidden">
        <Link href={`/applicant/complaints/${c.id}`} className="font-semibold text-brand-700 underline">
          {t("ticket.back")}
        </Link>
        <PrintButton label={t("ticket.print")} />
      </div>
      <h1 className="mb-4 text-2xl font-bold">{t("ticket.heading")}</h1>
      <p className="mb-4">{t("ticket.lead", { name: c.fullName, kind: t(`kinds.${c.kind}`), date: formatDateTime(c.acceptedAt, locale) })}</p>
      <ComplaintTicket c={c} />
      <p className="text-sm text-slate-700">{t("ticket.lawNote")}</p>
    </div>
  );
}
