import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { can } from "@/lib/platform/auth";
import { getService } from "@/lib/law/catalogue";
import { getOrganisation } from "@/lib/law/organisations";
import { listPscQueue } from "@/lib/cases/psc";
import { formatDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { ResultActions } from "@/app/[locale]/psc/_components/result-actions";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";
import { Section } from "@/components/ui/section";

export const generateMetadata = titleMetadata("psc.title");

/**
 * The PSC's workstation: its hours, the packages it forwarded (with the day the result is due at
 * the centre [004 L608-609]) and the results to hand over, kept a month, then returned [004 L758-760].
 */
export default async function PscPage() {
  const actor = await requireActor("psc.results");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("psc");
  const ts = await getTranslations("status");
  const now = new Date();
  const queue = await listPscQueue(getDb(), actor, now);
  const org = queue.psc ? getOrganisation(queue.psc.code) : undefined;
  const service = (code: string) => getService(code)?.shortTitle[locale] ?? code;
  const days = org ? org.workingDays.map((d) => t(`weekday.${d}`)).join(", ") : "";

  return (
    <div className="flex max-w-5xl flex-col gap-8">
      <PageTitle lead={queue.psc ? queue.psc.name[locale] : undefined}>{t("title")}</PageTitle>
      {org ? (
        <p>
          {t("hours", { days, start: org.workingHours.start, end: org.workingHours.end })}
          {org.workingHours.breaks.length === 0 ? ` ${t("noBreak")}` : null}
        </p>
      ) : null}
      {can(actor, "application.intake") ? (
        <p className="flex flex-wrap gap-4">
          <TextLink href="/officer/walk-in" strong>
            {t("accept")}
          </TextLink>
          <TextLink href="/psc/complaints/new" strong>
            {t("complaint")}
          </TextLink>
        </p>
      ) : null}

      <Section id="psc-results" title={t("queue.title")}>
        <p className="text-slate-700">{t("queue.lead")}</p>
        {queue.toHandOver.length === 0 ? (
          <p>{t("queue.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {queue.toHandOver.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-4">
                <p className="font-semibold">
                  {r.applicantName} <span className="font-mono font-normal">{r.applicantIdentifier}</span>
                </p>
                <p className="text-sm text-slate-700">
                  {service(r.serviceCode)} · {r.registrationNumber ?? "—"} · {ts(r.status)}
                </p>
                <p className="text-sm text-slate-700">
                  {t("queue.delivered", { at: r.deliveredAt ? formatDateTime(r.deliveredAt, locale) : "—" })} ·{" "}
                  {t("queue.keepUntil", { date: r.keepUntil ? formatDate(new Date(r.keepUntil.getTime() - 1), locale) : "—" })}
                </p>
                {can(actor, "application.intake") ? <ResultActions applicationId={r.id} label={r.applicantName} mayReturn={r.mayReturn} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="psc-open" title={t("open.title")}>
        {queue.inProgress.length === 0 ? (
          <p>{t("open.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {queue.inProgress.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-3">
                <span className="font-semibold">{r.applicantName}</span> · {service(r.serviceCode)} · {r.registrationNumber ?? "—"} · {ts(r.status)}
                <br />
                <span className="text-sm text-slate-700">
                  {t("open.accepted", { at: r.acceptedAt ? formatDateTime(r.acceptedAt, locale) : "—" })} ·{" "}
                  {t("open.deliveryDue", { at: r.deliveryDueAt ? formatDateTime(r.deliveryDueAt, locale) : "—" })} ·{" "}
                  {t("open.due", { at: r.dueAt ? formatDateTime(r.dueAt, locale) : "—" })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
