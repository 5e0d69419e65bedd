import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";

type L = { kk: string; ru: string; en: string };
export type DecisionView = {
  kind: "licence" | "refusal";
  subtypes?: string[];
  grounds: string[];
  reason?: string;
  draftedById: string;
  draftedAt: string;
  signedById?: string;
  signedAt?: string;
};

/** The drafted (or signed) decision in words, as the head reviews it before signing. */
export async function DecisionSummary({
  decision,
  people,
  subtypeLabels,
  groundLabels,
}: {
  decision: DecisionView;
  people: Record<string, string>;
  subtypeLabels: Record<string, L>;
  groundLabels: Record<string, L>;
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.decision");
  const tw = await getTranslations("workflow");
  const ground = (code: string) => groundLabels[code]?.[locale] ?? (tw.has(`ground.${code}` as never) ? tw(`ground.${code}` as never) : code);
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="decision-summary">
      <dt className="font-medium text-slate-700">{t("kind")}</dt>
      <dd className="font-semibold">{tw(`decision.${decision.kind}` as never)}</dd>
      {decision.kind === "licence" ? (
        <>
          <dt className="font-medium text-slate-700">{t("subtypes")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {(decision.subtypes ?? []).map((s) => (
                <li key={s}>{subtypeLabels[s]?.[locale] ?? s}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : (
        <>
          <dt className="font-medium text-slate-700">{t("grounds")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {decision.grounds.map((g) => (
                <li key={g}>{ground(g)}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-medium text-slate-700">{t("reason")}</dt>
          <dd className="whitespace-pre-line">{decision.reason}</dd>
        </>
      )}
      <dt className="font-medium text-slate-700">{t("drafted")}</dt>
      <dd>
        {people[decision.draftedById] ?? "—"} · {formatDateTime(new Date(decision.draftedAt), locale)}
      </dd>
      {decision.signedById && decision.signedAt ? (
        <>
          <dt className="font-medium text-slate-700">{t("signed")}</dt>
          <dd>
            {people[decision.signedById] ?? "—"} · {formatDateTime(new Date(decision.signedAt), locale)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
