import { getLocale, getTranslations } from "next-intl/server";
import { idParam } from "@/app/_server/id-param";
import { requireActor } from "@/app/_server/session";
import { getRegulationVersion } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { formatIsoDay } from "@/components/admin/format";
import { effectivePeriod, regulationBinding, serviceTitle } from "@/app/[locale]/admin/regulations/_components/regulation-text";
import { ValidityBadge } from "@/components/admin/validity-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SummaryList, type SummaryRow } from "@/components/ui/summary-list";
import { DataTable } from "@/components/ui/table";
import { orNotFound } from "@/app/_server/or-not-found";

type Props = { params: Promise<{ id: string }> };
type Term = { value: number; unit: "minutes" | "hours" | "workingDays" | "calendarDays" };

/** One activated version, read-only: its validity and, per variant, the steps (who does what, how fast). */
export default async function RegulationVersionPage({ params }: Props) {
  const actor = await requireActor("admin.regulations");
  const id = await idParam(params);
  const locale = (await getLocale()) as Locale;
  const [t, tRole, tUnit, tVariant, tAction] = await Promise.all([
    getTranslations("admin.regulations"),
    getTranslations("common.roles"),
    getTranslations("catalogue.unit"),
    getTranslations("catalogue.variant"),
    getTranslations("workflow.action"),
  ]);
  const tAll = await getTranslations();
  const v = await orNotFound(getRegulationVersion(getDb(), actor, id, { now: new Date() }));
  const def = v.definition;
  const term = (x: Term) => tUnit(x.unit, { count: x.value });
  const facts: SummaryRow[] = [
    { label: t("columns.service"), value: serviceTitle(v.service, locale) },
    { label: t("columns.binding"), value: regulationBinding(t, tAll, locale, v) },
    {
      label: t("columns.effective"),
      value: (
        <>
          {effectivePeriod(t, locale, v)} <ValidityBadge validity={v.validity} />
        </>
      ),
    },
    { label: t("columns.activated"), value: `${formatDateTime(v.activatedAt, locale)} · ${v.activatedBy ?? t("initialData")}` },
    { label: t("columns.applications"), value: t("applicationsCount", { running: v.runningApplications, total: v.applications }) },
    // Number and date only: the act's type and body are recorded in English in the data files.
    { label: t("approvingAct"), value: def.approvingAct ? `№ ${def.approvingAct.number}, ${formatIsoDay(def.approvingAct.date, locale, false)}` : "—" },
    { label: "SHA-256", value: <span className="font-mono break-all">{v.sha256}</span> },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div>
        <PageHeader back={{ href: "/admin/regulations", label: t("back") }} lead={def.title[locale]}>
          {t("versionTitle", { id: v.regulationId, version: v.version })}
        </PageHeader>
        <SummaryList rows={facts} />
        <div className="mt-4">
          <Alert tone="info">{t("immutableNote")}</Alert>
        </div>
      </div>

      {def.scope.variants.map((variant) => {
        const proc = def.variants[variant];
        if (!proc) return null;
        const overrun = v.overruns.find((o) => o.variant === variant);
        return (
          <Section key={variant} id={`variant-${variant}`} title={tVariant(variant)}>
            {overrun ? (
              <Alert tone={overrun.capped ? "info" : "error"}>
                {t("overrun", {
                  chain: [
                    overrun.chain.workingDays ? term({ value: overrun.chain.workingDays, unit: "workingDays" }) : null,
                    overrun.chain.calendarDays ? term({ value: overrun.chain.calendarDays, unit: "calendarDays" }) : null,
                    overrun.chain.minutes ? term({ value: overrun.chain.minutes, unit: "minutes" }) : null,
                  ]
                    .filter(Boolean)
                    .join(" + "),
                  legal: term(proc.overallTerm),
                })}{" "}
                {overrun.capped ? t("overrunCapped") : t("overrunNotCapped")}
              </Alert>
            ) : null}
            <p>
              {t("overallTerm", { term: term(proc.overallTerm) })}
              {proc.completenessTerm ? ` · ${t("completenessTerm", { term: term(proc.completenessTerm) })}` : ""}
              {` · ${proc.suspension.allowed ? t("suspensionAllowed") : t("suspensionNotAllowed")}`}
            </p>
            <DataTable
              caption={t("stepsCaption", { variant: tVariant(variant) })}
              rows={proc.steps}
              rowKey={(s) => s.key}
              columns={[
                { key: "number", header: t("steps.number"), cell: (_s, i) => i + 1 },
                { key: "step", header: t("steps.step"), rowHeader: true, cell: (s) => <span className="font-semibold">{t(`stepKey.${s.key}`)}</span> },
                {
                  key: "role",
                  header: t("steps.role"),
                  cell: (s) => (
                    <>
                      {tRole(s.role)}
                      {s.action === "sign" ? <span className="block text-slate-700">{t("withSigningRight")}</span> : null}
                    </>
                  ),
                },
                { key: "action", header: t("steps.action"), cell: (s) => tAction(s.action) },
                { key: "term", header: t("steps.term"), className: "whitespace-nowrap", cell: (s) => term(s.term) },
                { key: "result", header: t("steps.result"), cell: (s) => s.result[locale] },
              ]}
            />
          </Section>
        );
      })}
    </div>
  );
}
