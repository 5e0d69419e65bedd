import { orNotFound } from "@/app/_server/or-not-found";
import { idParam } from "@/app/_server/id-param";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getComplaint } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { PageHeader } from "@/components/ui/page-header";
import { ComplaintContent, ComplaintTicket } from "@/components/complaints/complaint-details";
import { RateComplaintForm } from "@/app/[locale]/applicant/complaints/_components/rate-form";

/** The applicant's complaint: ticket, state, content, answer and the final satisfaction question. */
export default async function MyComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await idParam(params);
  const actor = await requireActor("complaint.file");
  const t = await getTranslations("complaints");
  const c = await orNotFound(getComplaint(getDb(), actor, id, new Date()));
  const answered = c.status === "ANSWERED" || c.status === "REJECTED";
  return (
    <div>
      <PageHeader back={{ href: "/applicant/complaints", label: t("my.back") }}>{t("detail.title", { ticket: c.ticketNumber })}</PageHeader>
      <ComplaintTicket c={c} />
      <p className="mb-6">
        <Link href={`/applicant/complaints/${c.id}/ticket`} className="font-semibold text-brand-700 underline">
          {t("detail.printTicket")}
        </Link>
      </p>
      <ComplaintContent c={c} />
      {answered ? (
        <section aria-labelledby="rate-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rate-title" className="mb-3 text-lg font-bold">
            {t("rate.title")}
          </h2>
          {c.satisfied ? <p>{t("rate.yourRating", { rating: t(`rate.options.${c.satisfied}`) })}</p> : <RateComplaintForm complaintId={c.id} />}
        </section>
      ) : null}
    </div>
  );
}
