import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/app/_server/page-locale";
import { Link } from "@/components/i18n/navigation";
import { feeFor, getService, type TService, type TVariantCode } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { organisationsForService } from "@/lib/law/organisations";
import { formatMoneyKzt, type Locale } from "@/lib/platform/i18n";
import { CodedList } from "@/components/catalogue/coded-list";
import { TermText } from "@/components/catalogue/term-text";
import { PanelSection } from "@/components/ui/panel-section";
import { DataTable } from "@/components/ui/table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string; serviceCode: string }> }) {
  const { locale, serviceCode } = await params;
  const s = getService(serviceCode);
  return { title: s ? s.shortTitle[locale as Locale] : undefined };
}

function safeFee(service: TService, variant: TVariantCode, now: Date) {
  try {
    return feeFor(service, variant, now);
  } catch (e) {
    if (isDomainError(e)) return null; // MCI of the year not configured yet
    throw e;
  }
}

export default async function ServicePage({ params }: { params: Promise<{ locale: string; serviceCode: string }> }) {
  const locale = await pageLocale(params);
  const { serviceCode } = await params;
  const service = getService(serviceCode);
  if (!service) notFound();
  const [t, tc] = await Promise.all([getTranslations("service"), getTranslations("catalogue")]);
  const now = new Date();
  const providers = organisationsForService(service.code);
  return (
    <article className="flex flex-col gap-5">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          {t("backToCatalogue")}
        </Link>
      </nav>
      <header>
        <p className="text-sm font-medium text-brand-700">
          {tc(`kind.${service.kind}`)} · {tc(`providerLevel.${service.providerLevel}`)}
          {service.standardNo ? ` · ${t("standardNo", { n: service.standardNo })}` : ""}
        </p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{service.shortTitle[locale]}</h1>
        <p className="mt-2 text-slate-700">{service.title[locale]}</p>
        {service.channels.includes("portal") ? (
          <Link
            href={`/applicant/applications/new/${service.code}`}
            className="mt-4 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("apply")}
          </Link>
        ) : (
          <p className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-3">{t("applyAtProvider")}</p>
        )}
      </header>

      <PanelSection id="svc-who" title={t("whoMayApply")}>
        <ul className="list-inside list-disc">
          {service.recipients.map((r) => (
            <li key={r}>{tc(`recipient.${r}`)}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-slate-700">
          {t("channels")}: {service.channels.map((c) => tc(`channel.${c}`)).join(", ")}
        </p>
      </PanelSection>

      <PanelSection id="svc-terms" title={t("variantsAndTerms")}>
        <DataTable
          caption={t("variantsAndTerms")}
          rows={service.variants}
          rowKey={(v) => v.code}
          columns={[
            { key: "variant", header: t("variant"), rowHeader: true, cell: (v) => <span className="font-medium">{tc(`variant.${v.code}`)}</span> },
            { key: "term", header: tc("term.serviceTerm"), cell: (v) => <TermText term={v.term} /> },
            {
              key: "fee",
              header: t("fee"),
              cell: (v) => {
                const fee = safeFee(service, v.code, now);
                return fee === null ? "—" : fee.free ? tc("fee.free") : tc("fee.amount", { amountKzt: formatMoneyKzt(fee.amountKzt, locale), mci: fee.mci });
              },
            },
          ]}
        />
        {/* fee.isDefault is a note for administrators (check the amount against the Tax Code): not shown to the public. */}
        <ul className="mt-3 list-inside list-disc text-sm">
          {service.completenessCheckTerm ? (
            <li>
              {tc("term.completenessCheck")}: <TermText term={service.completenessCheckTerm} />
            </li>
          ) : null}
          {service.refusalDeliveryTerm ? (
            <li>
              {tc("term.refusalDelivery")}: <TermText term={service.refusalDeliveryTerm} />
            </li>
          ) : null}
          {service.tacitApproval ? (
            <li>
              {tc("term.tacitApproval", {
                term: tc(`unit.${service.tacitApproval.handOverWithin.unit}`, { count: service.tacitApproval.handOverWithin.value }),
              })}
            </li>
          ) : null}
          {service.acceptanceDayExcluded ? <li>{tc("term.acceptanceDayExcluded")}</li> : null}
        </ul>
      </PanelSection>

      {service.variants.map((v) =>
        v.documents.length ? (
          <PanelSection key={v.code} id={`svc-documents-${v.code}`} title={`${tc("document.portalTitle")}: ${tc(`variant.${v.code}`)}`}>
            <ul className="flex flex-col gap-2">
              {v.documents.map((d) => (
                <li key={d.key} className="flex flex-wrap gap-2">
                  <span>{d.label[locale]}</span>
                  <span className="text-sm text-slate-600">({d.required ? tc("document.required") : tc("document.optional")})</span>
                </li>
              ))}
            </ul>
          </PanelSection>
        ) : null,
      )}

      {service.qualificationRequirements.length ? (
        <PanelSection id="svc-qualification" title={t("qualificationRequirements")}>
          <CodedList items={service.qualificationRequirements} locale={locale} ordered />
        </PanelSection>
      ) : null}

      <PanelSection id="svc-refusal" title={t("refusalGrounds")}>
        <CodedList items={service.refusalGrounds} locale={locale} ordered />
      </PanelSection>

      <PanelSection id="svc-providers" title={t("providers")}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {providers.map((o) => (
            <li key={o.code} className="rounded border border-slate-200 p-3 text-sm">
              <p className="font-semibold">{o.name[locale]}</p>
              <p>{o.address[locale]}</p>
              <p>
                {t("hours")}: {o.workingHours.start}–{o.workingHours.end}
                {o.workingHours.breaks.length ? ` (${t("lunch")} ${o.workingHours.breaks.map(([a, b]) => `${a}–${b}`).join(", ")})` : ""}
              </p>
              <p>{o.phone}</p>
            </li>
          ))}
        </ul>
      </PanelSection>

      <PanelSection id="svc-result" title={t("result")}>
        <p>{service.resultDescription[locale]}</p>
      </PanelSection>
      <PanelSection id="svc-appeals" title={t("appeals")}>
        <p>{service.appeals[locale]}</p>
      </PanelSection>
    </article>
  );
}
