import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import {
  listMyApplications,
  listMyServiceCodes,
  MY_APPLICATION_STATUSES,
  ZMyApplicationsQuery,
  type MyApplicationRow,
  type TMyApplicationsQuery,
} from "@/lib/cases/applications";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, type TableColumn } from "@/components/ui/table";
import { StatusBadge } from "@/components/status/status-badge";
import { SelectField } from "@/components/ui/select-field";
import { FilterForm } from "@/components/ui/filter-form";
import { Field } from "@/components/ui/field";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryOf(q: TMyApplicationsQuery, change: Partial<TMyApplicationsQuery> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...q, after: undefined, ...change };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/** "My applications": search by number, filter by status and service, keyset pages, dates, the current step and when it is due. */
export default async function ApplicantHome({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("application.read_own");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("cabinet");
  const ts = await getTranslations("status");
  const tw = await getTranslations("workflow");
  const ta = await getTranslations("applications");
  const raw = await searchParams;
  const query = ZMyApplicationsQuery.parse(raw);
  const db = getDb();
  const [{ rows, next }, serviceCodes] = await Promise.all([listMyApplications(db, actor, query), listMyServiceCodes(db, actor)]);
  const filtered = Boolean(query.q || query.status || query.service);
  const serviceTitle = (code: string) => getService(code)?.shortTitle[locale] ?? code;
  const orgName = (r: MyApplicationRow) => (locale === "kk" ? r.organisation.nameKk : locale === "ru" ? r.organisation.nameRu : r.organisation.nameEn);
  const stepName = (key: string | null) => (key && tw.has(`step.${key}` as never) ? tw(`step.${key}` as never) : "—");
  const columns: TableColumn<MyApplicationRow>[] = [
    {
      key: "number",
      header: t("columns.number"),
      rowHeader: true,
      cell: (r) => (
        <Link href={`/applicant/applications/${r.id}`} className="font-mono text-brand-700 underline">
          {/* Drafts of the same service are told apart by when they were started. */}
          {r.registrationNumber ?? t("draftOf", { date: formatDateTime(r.createdAt, locale) })}
        </Link>
      ),
    },
    {
      key: "service",
      header: t("columns.service"),
      cell: (r) => (
        <>
          {serviceTitle(r.serviceCode)}
          <span className="block text-slate-700">
            {ta(`variantNames.${r.variant.toLowerCase()}` as never)} · {orgName(r)}
          </span>
        </>
      ),
    },
    { key: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
    {
      key: "step",
      header: t("columns.step"),
      cell: (r) =>
        r.stepKey ? (
          <>
            {stepName(r.stepKey)}
            {r.stepDueAt ? <span className="block text-slate-700">{t("stepDue", { at: formatDateTime(r.stepDueAt, locale) })}</span> : null}
          </>
        ) : (
          "—"
        ),
    },
    {
      key: "dueAt",
      header: t("columns.dueAt"),
      cell: (r) => (r.dueAt && !["ISSUED", "REFUSED", "WITHDRAWN", "DEEMED_ISSUED"].includes(r.status) ? formatDateTime(r.dueAt, locale) : "—"),
      className: "whitespace-nowrap",
    },
    {
      key: "dates",
      header: t("columns.dates"),
      cell: (r) => (
        <>
          <span className="block whitespace-nowrap">{t("created", { at: formatDateTime(r.createdAt, locale) })}</span>
          <span className="block whitespace-nowrap text-slate-700">{t("updated", { at: formatDateTime(r.updatedAt, locale) })}</span>
        </>
      ),
    },
  ];
  const any = t("filters.any");
  const statusOptions = MY_APPLICATION_STATUSES.map((s) => ({ value: s, label: ts(s) }));
  const serviceOptions = serviceCodes.map((c) => ({ value: c, label: serviceTitle(c) }));
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {raw.registered === "1" ? (
        <Alert tone="success" title={t("registeredTitle")}>
          <p>{t("registeredNext")}</p>
        </Alert>
      ) : null}
      <FilterForm
        label={t("filters.title")}
        submitLabel={t("filters.apply")}
        reset={filtered ? { href: "/applicant", label: t("filters.reset") } : undefined}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <Field name="q" id="my-q" type="search" label={t("filters.number")} defaultValue={query.q ?? ""} maxLength={50} autoComplete="off" />
        <SelectField name="status" id="my-status" label={t("filters.status")} placeholder={any} defaultValue={query.status ?? ""} options={statusOptions} />
        <SelectField
          name="service"
          id="my-service"
          label={t("filters.service")}
          placeholder={any}
          defaultValue={query.service ?? ""}
          options={serviceOptions}
        />
      </FilterForm>
      {rows.length === 0 && !filtered && !query.after ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p>{t("empty")}</p>
          <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
            {t("chooseService")}
          </Link>
        </div>
      ) : (
        <DataTable
          caption={query.after ? t("captionNext", { count: rows.length }) : t("caption", { count: rows.length })}
          showCaption
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t("emptyFiltered")}
        />
      )}
      {query.after || next ? (
        <Pagination
          label={t("pagination.label")}
          previous={query.after ? { href: { pathname: "/applicant", query: queryOf(query) }, label: t("pagination.first") } : null}
          next={next ? { href: { pathname: "/applicant", query: { ...queryOf(query), after: next } }, label: t("pagination.next") } : null}
        />
      ) : null}
    </div>
  );
}
