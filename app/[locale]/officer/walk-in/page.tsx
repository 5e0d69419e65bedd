import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { almatyDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { listCounterServices, listWalkInDrafts } from "@/lib/cases/intake";
import { PageTitle } from "@/components/ui/page-title";
import { StartWalkInForm } from "@/app/[locale]/officer/walk-in/_components/start-walk-in-form";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";
import { Section } from "@/components/ui/section";

export const generateMetadata = titleMetadata("intake.start.title");

/** Step (a): the applicant (registry lookup for a legal entity), the service, a representative. */
export default async function WalkInStartPage() {
  const actor = await requireActor("application.intake");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("intake");
  const tv = await getTranslations("catalogue.variant");
  const db = getDb();
  const services = (await listCounterServices(db, actor)).map((s) => ({
    code: s.code,
    title: s.shortTitle[locale],
    recipients: [...s.recipients],
    variants: s.variants.map((v) => v.code),
  }));
  const drafts = await listWalkInDrafts(db, actor);

  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <div>
        <PageTitle lead={t("start.lead")}>{t("start.title")}</PageTitle>
        {actor.role === "PSC_OPERATOR" ? <p className="mb-4 rounded border border-brand-200 bg-brand-50 p-3">{t("psc.lead")}</p> : null}
        <StartWalkInForm services={services} postal={actor.role === "OFFICE_CLERK" && services.length > 0} today={almatyDate(new Date())} />
      </div>
      <Section id="walk-in-drafts" title={t("drafts.title")}>
        {drafts.length === 0 ? (
          <p className="text-slate-700">{t("drafts.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {drafts.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 bg-white p-3">
                <TextLink href={`/officer/walk-in/${d.id}`} strong>
                  {d.applicantName}
                </TextLink>{" "}
                <span className="font-mono text-slate-700">{d.applicantIdentifier}</span>
                <br />
                <span className="text-sm text-slate-700">
                  {getService(d.serviceCode)?.shortTitle[locale] ?? d.serviceCode} · {tv(d.variant)} ·{" "}
                  {t("drafts.started", { at: formatDateTime(d.createdAt, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
