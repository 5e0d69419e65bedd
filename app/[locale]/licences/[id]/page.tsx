import { can } from "@/lib/platform/auth";
import { orNotFound } from "@/app/_server/or-not-found";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getLicenceForActor } from "@/lib/cases/licences";
import { canSignDeemedLicence } from "@/lib/cases/licence-signing";
import { PageTitle } from "@/components/ui/page-title";
import { PanelSection } from "@/components/ui/panel-section";
import { SummaryList } from "@/components/ui/summary-list";
import { LicenceStatusBadge } from "@/components/licences/licence-status-badge";
import { LifecycleForm } from "@/app/[locale]/licences/[id]/_components/lifecycle-form";
import { DeemedSignForm } from "@/app/[locale]/licences/[id]/_components/deemed-sign-form";

const ALMATY_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" });

export default async function LicencePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("licence.read");
  const { id } = await params;
  const licence = await orNotFound(getLicenceForActor(getDb(), actor, id));
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("licences.detail");
  const tr = await getTranslations("licences.register");
  const service = getService(licence.serviceCode);
  const subtypeLabel = (code: string) => service?.activitySubtypes.find((s) => s.code === code)?.label[locale] ?? code;
  const orgName = locale === "kk" ? licence.organisation.nameKk : locale === "ru" ? licence.organisation.nameRu : licence.organisation.nameEn;
  const isHolder = can(actor, "licence.read_own");
  const open = licence.status === "ACTIVE" || licence.status === "SUSPENDED";
  const variants = service?.variants.map((v) => v.code) ?? [];
  const deemedSignable = !isHolder && (await canSignDeemedLicence(getDb(), actor, licence.id, new Date()));
  return (
    <div className="flex flex-col gap-5">
      <PageTitle lead={service?.shortTitle[locale]}>{t("title", { number: licence.number })}</PageTitle>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <SummaryList
          className=""
          rows={[
            {
              label: tr("status"),
              value: (
                <>
                  <LicenceStatusBadge status={licence.status} />
                  {licence.suspendedUntil ? ` ${t("until", { date: formatDate(licence.suspendedUntil, locale) })}` : ""}
                </>
              ),
            },
            {
              label: tr("holder"),
              value: (
                <>
                  {licence.holderName} <span className="font-mono">{licence.holderIdentifier}</span>
                </>
              ),
            },
            { label: t("provider"), value: orgName },
            { label: tr("issuedAt"), value: `${formatDateTime(licence.issuedAt, locale)}${licence.tacit ? ` · ${t("tacit")}` : ""}` },
            {
              label: t("subtypes"),
              value: (
                <ul className="list-inside list-disc">
                  {licence.subtypes.map((s) => (
                    <li key={s}>{subtypeLabel(s)}</li>
                  ))}
                </ul>
              ),
            },
            {
              label: t("version"),
              value: `${licence.versionNo}${licence.previous ? ` · ${t("replaces", { number: licence.previous.number })}` : ""}${licence.next ? ` · ${t("replacedBy", { number: licence.next.number })}` : ""}`,
            },
            {
              label: t("signature"),
              value: licence.signature ? `${licence.signature.signerName}, ${formatDateTime(licence.signature.signingTime, locale)}` : t("noSignature"),
            },
          ]}
        />
        <p className="mt-4 flex flex-wrap gap-4">
          <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/pdf`}>
            {t("downloadPdf")}
          </a>
          {licence.signature ? (
            <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/signature`}>
              {t("downloadSignature")}
            </a>
          ) : null}
          {licence.signature ? (
            <a className="font-semibold text-brand-700 underline" href={`/api/signatures/${licence.signature.id}/package`}>
              {t("downloadPackage")}
            </a>
          ) : null}
          <Link className="text-brand-700 underline" href={`/verify/${licence.number}`}>
            {t("publicCheck")}
          </Link>
        </p>
      </section>
      {deemedSignable ? <DeemedSignForm licenceId={licence.id} /> : null}
      {licence.annexes.length || licence.duplicates.length ? (
        <PanelSection id="licence-annexes" title={t("annexesAndDuplicates")}>
          <ul className="list-inside list-disc">
            {licence.annexes.map((a) => (
              <li key={a.id}>{t("annex", { number: a.number, date: formatDate(a.issuedAt, locale) })}</li>
            ))}
            {licence.duplicates.map((d) => (
              <li key={d.id}>
                {t("duplicate", { date: formatDate(d.issuedAt, locale) })} —{" "}
                <a className="text-brand-700 underline" href={`/api/licences/${licence.id}/pdf?duplicate=${d.id}`}>
                  {t("downloadPdf")}
                </a>
              </li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
      {licence.events.length ? (
        <PanelSection id="licence-history" title={t("history")}>
          <ol className="flex flex-col gap-2">
            {licence.events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at, locale)}: {tr(`statuses.${e.from}` as never)} → {tr(`statuses.${e.to}` as never)} — {e.reason}
              </li>
            ))}
          </ol>
        </PanelSection>
      ) : null}
      {isHolder && open ? (
        <PanelSection id="licence-apply" title={t("applyFor")}>
          <p className="flex flex-wrap gap-4">
            {["reissue", "duplicate", "annex"]
              .filter((v) => variants.includes(v as never))
              .map((v) => (
                <Link
                  key={v}
                  className="rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800"
                  href={`/applicant/applications/new/${licence.serviceCode}?variant=${v}&licence=${licence.id}`}
                >
                  {t(`start.${v}`)}
                </Link>
              ))}
          </p>
        </PanelSection>
      ) : null}
      {licence.actions.length ? (
        <PanelSection id="licence-lifecycle" title={t("lifecycle")}>
          {licence.actions.map((a) => (
            <LifecycleForm key={a} licenceId={licence.id} kind={a} today={ALMATY_DAY.format(new Date())} />
          ))}
        </PanelSection>
      ) : null}
    </div>
  );
}
