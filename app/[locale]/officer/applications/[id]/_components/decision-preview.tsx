import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerWorkspace } from "@/lib/cases/officer-actions";
import type { Locale } from "@/lib/platform/i18n";
import { SummaryList } from "@/components/ui/summary-list";
import { Section } from "./section";

/**
 * What the head signs, before signing (issue 12 point 9): the draft licence as the real PDF the
 * portal issues, marked as a draft (served by `/api/applications/{id}/decision-preview`), in a frame
 * with a link to open it; or the reasoned refusal: to whom, and its grounds and reasons in a summary
 * list. `summary` is the drafted decision in words (DecisionSummary).
 */
export async function DecisionPreview({ ws, summary }: { ws: OfficerWorkspace; summary: React.ReactNode }) {
  const decision = ws.state.decision;
  if (!ws.preview || !decision) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.decisionPreview");
  const { app, service } = ws;
  if (ws.preview.kind === "licence") {
    const href = `/api/applications/${app.id}/decision-preview`;
    return (
      <Section id="decision-preview" title={t("title")} className="border-brand-700">
        <div className="flex flex-col gap-3">
          {summary}
          <p className="text-slate-700">{t("licenceText")}</p>
          {/* The PDF in a frame (same origin; CSP frame-src 'self'); the link below is always there. */}
          <iframe
            src={href}
            title={t("frameTitle")}
            className="h-[32rem] w-full rounded border border-slate-300 bg-slate-50 sm:h-[48rem]"
            data-testid="decision-preview-pdf"
          />
          <p>
            <a href={href} target="_blank" rel="noopener" className="font-medium text-brand-700 underline" data-testid="decision-preview-link">
              {t("open")}
            </a>
          </p>
        </div>
      </Section>
    );
  }
  return (
    <Section id="decision-preview" title={t("refusalTitle")} className="border-brand-700">
      <div className="flex flex-col gap-3" data-testid="refusal-preview">
        <p className="text-slate-700">{t("refusalText")}</p>
        <SummaryList
          className="rounded border border-slate-200 p-4"
          rows={[
            { label: t("applicant"), value: `${app.subject.name} (${app.subject.identifier})` },
            { label: t("registrationNumber"), value: app.registrationNumber ?? "—", mono: true },
            { label: t("service"), value: service?.shortTitle[locale] ?? app.serviceCode },
          ]}
        />
        {/* The refusal itself: its grounds in a list, the reasons in words, who drafted it. */}
        {summary}
      </div>
    </Section>
  );
}
