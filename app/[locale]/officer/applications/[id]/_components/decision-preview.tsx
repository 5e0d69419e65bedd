import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerWorkspace } from "@/lib/cases/officer-actions";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { SummaryList } from "@/components/ui/summary-list";
import { Section } from "./section";

type L = { kk: string; ru: string; en: string };

/**
 * What the head signs, before signing (issue 12 point 9): the draft licence as the real PDF the
 * portal issues, marked as a draft (served by `/api/applications/{id}/decision-preview`), in a frame
 * with a link to open it; or the reasoned refusal with its grounds and reasons in a summary list.
 * `summary` (the drafted decision in words) is shown above the licence.
 */
export async function DecisionPreview({ ws, summary, groundLabels }: { ws: OfficerWorkspace; summary: React.ReactNode; groundLabels: Record<string, L> }) {
  const decision = ws.state.decision;
  if (!ws.preview || !decision) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.decisionPreview");
  const tw = await getTranslations("workflow");
  const { app, service } = ws;
  if (ws.preview.kind === "licence") {
    const href = `/api/applications/${app.id}/decision-preview`;
    return (
      <Section id="decision-preview" title={t("title")} className="border-brand-700">
        <div className="flex flex-col gap-3">
          {summary}
          <p className="text-slate-700">{t("licenceText")}</p>
          <iframe src={href} title={t("frameTitle")} className="h-[32rem] w-full rounded border border-slate-300 bg-slate-50 sm:h-[48rem]" data-testid="decision-preview-frame" />
          <p className="text-sm text-slate-700">
            {t("fallback")}{" "}
            <a href={href} target="_blank" rel="noopener" className="font-medium text-brand-700 underline" data-testid="decision-preview-link">
              {t("open")}
            </a>
          </p>
        </div>
      </Section>
    );
  }
  const ground = (code: string) => groundLabels[code]?.[locale] ?? (tw.has(`ground.${code}` as never) ? tw(`ground.${code}` as never) : code);
  return (
    <Section id="decision-preview" title={t("refusalTitle")} className="border-brand-700">
      <p className="mb-3 text-slate-700">{t("refusalText")}</p>
      <div data-testid="refusal-preview">
        <SummaryList
          className="rounded border border-slate-200 p-4"
          rows={[
            { label: t("applicant"), value: `${app.subject.name} (${app.subject.identifier})` },
            { label: t("registrationNumber"), value: app.registrationNumber ?? "—", mono: true },
            { label: t("service"), value: service?.shortTitle[locale] ?? app.serviceCode },
            {
              label: t("grounds"),
              value: (
                <ul className="list-disc pl-5">
                  {decision.grounds.map((g) => (
                    <li key={g}>{ground(g)}</li>
                  ))}
                </ul>
              ),
            },
            { label: t("reason"), value: <span className="whitespace-pre-line">{decision.reason}</span> },
            { label: t("drafted"), value: `${ws.people[decision.draftedById] ?? "—"} · ${formatDateTime(new Date(decision.draftedAt), locale)}` },
          ]}
        />
      </div>
    </Section>
  );
}
