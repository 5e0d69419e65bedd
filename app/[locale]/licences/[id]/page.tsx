import { can } from "@/lib/platform/auth";
import { orNotFound } from "@/app/_server/or-not-found";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getLicenceForActor } from "@/lib/cases/licences";
import { PageTitle } from "@/components/ui/page-title";
import { LicenceStatusBadge } from "@/components/licences/licence-status-badge";
import { LifecycleForm } from "@/app/[locale]/licences/[id]/_components/lifecycle-form";

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
  return (
    <div className="flex flex-col gap-5">
      <PageTitle lead={service?.shortTitle[locale]}>{t("title", { number: licence.number })}</PageTitle>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">{tr("status")}</dt>
            <dd>
              <LicenceStatusBadge status={licence.status} />
              {licence.suspendedUntil ? ` ${t("until", { date: formatDate(licence.suspendedUntil, locale) })}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{tr("holder")}</dt>
            <dd>
              {licence.holderName} <span className="font-mono">{licence.holderIdentifier}</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("provider")}</dt>
            <dd>{orgName}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{tr("issuedAt")}</dt>
            <dd>
              {formatDateTime(licence.issuedAt, locale)}
              {licence.tacit ? ` · ${t("tacit")}` : ""}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-700">{t("subtypes")}</dt>
            <dd>
              <ul className="list-inside list-disc">
                {licence.subtypes.map((s) => (
                  <li key={s}>{subtypeLabel(s)}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("version")}</dt>
            <dd>
              {licence.versionNo}
              {licence.previous ? ` · ${t("replaces", { number: licence.previous.number })}` : ""}
              {licence.next ? ` · ${t("replacedBy", { number: licence.next.number })}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("signature")}</dt>
            <dd>{licence.signature ? `${licence.signature.signerName}, ${formatDateTime(licence.signature.signingTime, locale)}` : t("noSignature")}</dd>
          </div>
        </dl>
        <p className="mt-4 flex flex-wrap gap-4">
          <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/pdf`}>
            {t("downloadPdf")}
          </a>
          {licence.signature ? (
            <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/signature`}>
              {t("downloadSignature")}
            </a>
          ) : null}
          <Link className="text-brand-700 underline" href={`/verify/${licence.number}`}>
            {t("publicCheck")}
          </Link>
        </p>
      </section>
      {licence.annexes.length || licence.duplicates.length ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 text-xl font-semibold">{t("annexesAndDuplicates")}</h2>
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
        </section>
      ) : null}
      {licence.events.length ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 text-xl font-semibold">{t("history")}</h2>
          <ol className="flex flex-col gap-2">
            {licence.events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at, locale)}: {tr(`statuses.${e.from}` as never)} → {tr(`statuses.${e.to}` as never)} — {e.reason}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {isHolder && open ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 text-xl font-semibold">{t("applyFor")}</h2>
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
        </section>
      ) : null}
      {licence.actions.length ? (
        <section className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-xl font-semibold">{t("lifecycle")}</h2>
          {licence.actions.map((a) => (
            <LifecycleForm key={a} licenceId={licence.id} kind={a} today={ALMATY_DAY.format(new Date())} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
