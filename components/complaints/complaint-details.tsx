import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { getService } from "@/lib/law/catalogue";
import type { TComplaintDetail } from "@/lib/oversight/complaints";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { localizedName } from "@/components/i18n/localized-name";
import { ComplaintBadge, ComplaintStatus } from "./complaint-badge";

/**
 * The ticket the standard requires (number, date and time, surname and initials of who accepted
 * it, plus the answer term and where it is answered from) [004 L363-400].
 */
export async function ComplaintTicket({ c, heading = "h2" }: { c: TComplaintDetail; heading?: "h1" | "h2" }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const H = heading;
  return (
    <section aria-labelledby="ticket-title" className="mb-6 rounded-lg border-2 border-brand-700 bg-white p-5">
      <H id="ticket-title" className="text-xl font-bold">{t("detail.ticketTitle")}</H>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
        <Item label={t("detail.ticketNumber")}><span className="font-mono text-lg font-bold" data-testid="ticket-number">{c.ticketNumber}</span></Item>
        <Item label={t("detail.acceptedAt")}><time dateTime={c.acceptedAt.toISOString()}>{formatDateTime(c.acceptedAt, locale)}</time></Item>
        <Item label={t("detail.acceptedBy")}>{c.acceptedByShort ?? t("detail.acceptedByPortal")}</Item>
        <Item label={t("detail.answerBy")}><time dateTime={c.dueAt.toISOString()}>{formatDateTime(c.dueAt, locale)}</time></Item>
        <Item label={t("detail.organisation")}>{localizedName(c.organisation, locale)}</Item>
        <Item label={t("detail.contact")}>{[locale === "kk" ? c.organisation.addressKk : locale === "ru" ? c.organisation.addressRu : c.organisation.addressEn, c.organisation.phone].filter(Boolean).join(", ") || "—"}</Item>
      </dl>
      <p className="mt-3 text-sm text-slate-700">{t("detail.ticketNote")}</p>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/** Status, deadline and the content of the complaint, then the answer if there is one. */
export async function ComplaintContent({ c }: { c: TComplaintDetail }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  return (
    <>
      <dl className="mb-6 grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Item label={t("detail.status")}><ComplaintStatus status={c.status} /></Item>
        <Item label={t("detail.deadline")}><ComplaintBadge badge={c.badge} /></Item>
        <Item label={t("columns.kind")}>{t(`kinds.${c.kind}`)}</Item>
        <Item label={t("detail.application")}>
          {c.application ? `${c.application.registrationNumber ?? "—"} · ${getService(c.application.serviceCode)?.shortTitle[locale] ?? c.application.serviceCode}` : "—"}
        </Item>
        <Item label={t("detail.addressee")}>{c.addressee}</Item>
        <Item label={t("detail.fullName")}>{c.fullName}</Item>
        <Item label={t("detail.postalAddress")}>{c.postalAddress}</Item>
        <Item label={t("detail.official")}>{[c.official, c.officerShort].filter(Boolean).join(" · ") || "—"}</Item>
        <Item label={t("detail.applicantSubject")}>{`${c.subject.name} (${c.subject.identifier})`}</Item>
      </dl>
      <section aria-labelledby="reasons-title" className="mb-6">
        <h2 id="reasons-title" className="mb-2 text-lg font-bold">{t("detail.reasons")}</h2>
        <p className="whitespace-pre-line rounded-lg border border-slate-200 bg-white p-4">{c.reasons}</p>
        <h2 className="mb-2 mt-4 text-lg font-bold">{t("detail.demands")}</h2>
        <p className="whitespace-pre-line rounded-lg border border-slate-200 bg-white p-4">{c.demands}</p>
      </section>
      <section aria-labelledby="answer-title" className="mb-6">
        <h2 id="answer-title" className="mb-2 text-lg font-bold">{t("detail.answer")}</h2>
        {c.answer ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="mb-2 text-sm text-slate-700">
              {t("detail.answeredAt")}: {c.answeredAt ? formatDateTime(c.answeredAt, locale) : "—"}
              {c.handlerShort ? ` · ${t("detail.handler")}: ${c.handlerShort}` : ""}
            </p>
            <p className="whitespace-pre-line">{c.answer}</p>
          </div>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4">{t("detail.noAnswer")}</p>
        )}
      </section>
    </>
  );
}
