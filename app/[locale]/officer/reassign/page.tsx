import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { listAssignedApplications, listAssigneeCandidates, REASSIGN_LIST_LIMIT } from "@/lib/cases/worklist";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/officer/select-field";
import { stepLabel } from "@/components/officer/step-label";
import { ReassignForm } from "./_components/reassign-form";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";
import { FilterForm } from "@/components/ui/filter-form";

const ZQuery = z.object({ from: z.string().uuid().optional().catch(undefined) });

export const generateMetadata = titleMetadata("officer.reassign.title");

/**
 * The head moves applications of one executor (absent, overloaded) to another executor of the
 * organisation. Why this is not the engine's `assign`: lib/cases/worklist/reassign-applications.ts.
 */
export default async function ReassignPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor("application.reassign_bulk");
  const loc = locale as Locale;
  const t = await getTranslations("officer");
  const { from } = ZQuery.parse(await searchParams);
  const db = getDb();
  const executors = await listAssigneeCandidates(db, actor, "EXECUTOR", { includeInactive: true });
  const source = executors.find((e) => e.id === from);
  const rows = source ? await listAssignedApplications(db, actor, source.id) : [];
  const label = (e: (typeof executors)[number]) => `${e.name}${e.active ? "" : ` (${t("reassign.inactive")})`} — ${t("reassign.load", { count: e.openCount })}`;

  return (
    <div className="flex flex-col gap-4">
      <p>
        <TextLink href="/officer">← {t("application.back")}</TextLink>
      </p>
      <PageTitle lead={t("reassign.lead")}>{t("reassign.title")}</PageTitle>
      <FilterForm submitLabel={t("reassign.show")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <SelectField
          name="from"
          id="ra-from"
          label={t("reassign.from")}
          emptyLabel={t("reassign.chooseExecutor")}
          defaultValue={source?.id ?? ""}
          options={executors.map((e) => ({ value: e.id, label: label(e) }))}
          className="min-w-72"
        />
      </FilterForm>
      {source ? (
        rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("reassign.empty", { name: source.name })}</p>
        ) : !executors.some((e) => e.active && e.id !== source.id) ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("reassign.noTargets")}</p>
        ) : (
          <>
            {rows.length >= REASSIGN_LIST_LIMIT ? <p className="text-slate-700">{t("reassign.limited", { count: REASSIGN_LIST_LIMIT })}</p> : null}
            <ReassignForm
              fromUserId={source.id}
              rows={rows.map((r) => ({
                id: r.id,
                version: r.version,
                number: r.registrationNumber ?? "—",
                applicant: `${r.applicantName} (${r.applicantIdentifier})`,
                service: getService(r.serviceCode)?.shortTitle[loc] ?? r.serviceCode,
                step: stepLabel(t, r.stepKey),
                due: r.stepDueAt ? formatDateTime(r.stepDueAt, loc) : "—",
              }))}
              targets={executors.filter((e) => e.active && e.id !== source.id).map((e) => ({ id: e.id, label: label(e) }))}
            />
          </>
        )
      ) : null}
    </div>
  );
}
