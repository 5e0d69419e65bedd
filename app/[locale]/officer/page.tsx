import { can } from "@/lib/platform/auth";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { STEP_KEYS, VARIANTS } from "@/lib/law/regulations";
import {
  countWorklistQueues,
  listOrganisationServiceCodes,
  listWorklist,
  QUEUES_OF_ROLE,
  WORKLIST_STATUSES,
  ZWorklistQuery,
  type TWorklistQuery,
} from "@/lib/cases/worklist";
import { PageTitle } from "@/components/ui/page-title";
import { Field } from "@/components/ui/field";
import { StatusBadge } from "@/components/status/status-badge";
import { CountdownBadge } from "@/components/officer/countdown-badge";
import { SelectField } from "@/components/officer/select-field";
import { stepLabel } from "@/components/officer/step-label";
import { DataTable } from "@/components/ui/table";
import { linkColumn } from "@/components/ui/link-column";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { PillNav } from "@/components/ui/pill-nav";
import { TwoLineCell } from "@/components/ui/two-line-cell";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = titleMetadata("officer.title");

/** URL query of the current filters (without the cursor), optionally changed. */
function queryOf(q: TWorklistQuery, change: Partial<Record<keyof TWorklistQuery, string | undefined>> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...q, after: undefined, ...change };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export default async function OfficerWorklist({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor("worklist.read");
  const loc = locale as Locale;
  const t = await getTranslations("officer");
  const tc = await getTranslations("common");
  const ts = await getTranslations("status");
  const query = ZWorklistQuery.parse(await searchParams);
  const db = getDb();
  const now = new Date();
  const queues = QUEUES_OF_ROLE[actor.role as keyof typeof QUEUES_OF_ROLE] ?? [];
  const [{ rows, next }, serviceCodes, counts] = await Promise.all([
    listWorklist(db, actor, query, { now }),
    listOrganisationServiceCodes(db, actor),
    countWorklistQueues(db, actor, query, queues),
  ]);
  const filtered = Boolean(
    query.service || query.variant || query.step || query.status || query.dueFrom || query.dueTo || query.applicant || query.number || query.q,
  );
  const serviceTitle = (code: string) => getService(code)?.shortTitle[loc] ?? code;
  // The choice filters; "status" left empty means the open applications, the others mean any.
  const selects: { name: "service" | "variant" | "step" | "status"; options: { value: string; label: string }[]; empty?: string }[] = [
    { name: "service", options: serviceCodes.map((c) => ({ value: c, label: serviceTitle(c) })) },
    { name: "variant", options: VARIANTS.map((v) => ({ value: v, label: t(`variants.${v}`) })) },
    { name: "step", options: STEP_KEYS.map((k) => ({ value: k, label: stepLabel(t, k) })) },
    { name: "status", options: WORKLIST_STATUSES.map((s) => ({ value: s, label: ts(s) })), empty: t("filters.open") },
  ];
  // The searches by text (part of a name or identifier, part of a number).
  const texts = [
    { name: "applicant", maxLength: 200 },
    { name: "number", maxLength: 50 },
  ] as const;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead", { role: tc(`roles.${actor.role}`) })}>{t("title")}</PageTitle>

      {can(actor, "application.reassign_bulk") ? (
        <p>
          <TextLink href="/officer/reassign">{t("reassignLink")}</TextLink>
        </p>
      ) : null}

      <PillNav
        label={t("queues.label")}
        size="md"
        pills={[undefined, ...queues].map((q) => ({
          key: q ?? "all",
          href: { pathname: "/officer", query: queryOf(query, { queue: q }) },
          label: q ? t(`queues.${q}`) : t("queues.all"),
          current: query.queue === q,
          // "All" counts the whole worklist with the current filters.
          count: { value: q ? (counts.byQueue[q] ?? 0) : counts.total, testId: `queue-count-${q ?? "all"}` },
        }))}
      />

      <FilterForm
        label={t("filters.title")}
        submitLabel={t("filters.apply")}
        reset={filtered ? { href: { pathname: "/officer", query: query.queue ? { queue: query.queue } : {} }, label: t("filters.reset") } : undefined}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {query.queue ? <input type="hidden" name="queue" value={query.queue} /> : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {selects.map((f) => (
            <SelectField
              key={f.name}
              name={f.name}
              id={`wl-${f.name}`}
              label={t(`filters.${f.name}`)}
              emptyLabel={f.empty ?? t("filters.any")}
              defaultValue={query[f.name] ?? ""}
              options={f.options}
            />
          ))}
          <Field name="dueFrom" id="wl-due-from" type="date" label={t("filters.dueFrom")} defaultValue={query.dueFrom ?? ""} />
          <Field name="dueTo" id="wl-due-to" type="date" label={t("filters.dueTo")} defaultValue={query.dueTo ?? ""} />
          {texts.map((f) => (
            <Field
              key={f.name}
              name={f.name}
              id={`wl-${f.name}`}
              label={t(`filters.${f.name}`)}
              hint={t(`filters.${f.name}Hint`)}
              defaultValue={query[f.name] ?? ""}
              maxLength={f.maxLength}
              autoComplete="off"
            />
          ))}
        </div>
      </FilterForm>

      <DataTable
        caption={t(query.after ? "captionNext" : "caption", { count: rows.length })}
        showCaption
        empty={filtered ? t("emptyFiltered") : t("empty")}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          linkColumn<(typeof rows)[number]>({
            key: "number",
            header: t("columns.number"),
            link: (r) => ({ href: `/officer/applications/${r.id}`, text: r.registrationNumber ?? t("columns.noNumber") }),
          }),
          {
            key: "applicant",
            header: t("columns.applicant"),
            className: "min-w-48",
            cell: (r) => <TwoLineCell main={r.applicantName} sub={r.applicantIdentifier} subClassName="font-mono text-slate-700" />,
          },
          {
            key: "service",
            header: t("columns.service"),
            className: "min-w-48",
            cell: (r) => <TwoLineCell main={serviceTitle(r.serviceCode)} sub={t(`variants.${r.variant.toLowerCase()}`)} />,
          },
          { key: "step", header: t("columns.step"), cell: (r) => stepLabel(t, r.stepKey) },
          { key: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
          { key: "stepDue", header: t("columns.stepDue"), className: "whitespace-nowrap", cell: (r) => (r.stepDueAt ? formatDateTime(r.stepDueAt, loc) : "—") },
          { key: "countdown", header: t("columns.countdown"), cell: (r) => <CountdownBadge countdown={r.countdown} storedLevel={r.deadlineLevel} /> },
        ]}
      />

      <Pagination
        label={t("pagination.label")}
        previous={query.after ? { href: { pathname: "/officer", query: queryOf(query) }, label: t("pagination.first") } : null}
        next={next ? { href: { pathname: "/officer", query: { ...queryOf(query), after: next } }, label: t("pagination.next") } : null}
      />
    </div>
  );
}
