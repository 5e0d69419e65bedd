import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/platform/i18n";
import { requireActor } from "@/app/_server/session";
import { getComplaint } from "@/lib/oversight/complaints";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { ComplaintContent, ComplaintTicket } from "@/components/complaints/complaint-details";
import { AnswerComplaintForm, ExtendTermForm, TakeInReviewForm } from "@/app/[locale]/supervisor/complaints/_components/handle-complaint-form";
import { SupervisorPageHeader } from "../../_components/supervisor-page-header";

const ZParams = z.object({ id: z.uuid() });

/** A complaint for its handler: the ticket, the content, and the next step (take in review, answer). */
export default async function HandleComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  if (!p.success) notFound();
  const actor = await requireActor("complaint.handle");
  const t = await getTranslations("complaints");
  const lang = (await getLocale()) as Locale;
  const c = await orNotFound(getComplaint(getDb(), actor, p.data.id, new Date()));
  return (
    <div>
      <SupervisorPageHeader
        actor={actor}
        section="complaints"
        back={{ href: "/supervisor/complaints", label: t("queue.back") }}
        title={t("detail.title", { ticket: c.ticketNumber })}
      />
      <ComplaintTicket c={c} />
      <ComplaintContent c={c} />
      <section aria-labelledby="route-title" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="route-title" className="mb-2 text-lg font-bold">
          {t(`handlerKinds.${c.handlerKind}` as "handlerKinds.provider_head")}
        </h2>
        <p>{t("termLegalBasis", { value: c.termValue, unit: c.termUnit, law: c.termLegalReference[lang] })}</p>
        <p>
          {t("answerChannel")}: {t(`answerChannels.${c.answerChannel}` as "answerChannels.portal")}
        </p>
        {c.canExtend ? <ExtendTermForm complaintId={c.id} /> : null}
      </section>
      <section aria-labelledby="handle-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="handle-title" className="mb-3 text-lg font-bold">
          {t("handle.title")}
        </h2>
        {c.status === "REGISTERED" ? <TakeInReviewForm complaintId={c.id} /> : null}
        {c.status === "IN_REVIEW" ? <AnswerComplaintForm complaintId={c.id} /> : null}
        {c.status === "ANSWERED" || c.status === "REJECTED" ? (
          <p>{c.satisfied ? t("handle.rated", { rating: t(`rate.options.${c.satisfied}`) }) : t("handle.notRated")}</p>
        ) : null}
      </section>
    </div>
  );
}
