import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { auditLabel } from "@/components/officer/audit-label";
import { listAuditEvents, ZAuditQuery } from "@/lib/oversight/metrics";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section } from "@/components/dashboard/section";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { TwoLineCell } from "@/components/ui/two-line-cell";
import { flatParams } from "../_lib/sections";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { SupervisorPageHeader } from "../_components/supervisor-page-header";

export const generateMetadata = titleMetadata("supervisor.audit.title");

/** Who did what and when, for supervisors (their organisations) and administrators (everything). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("audit.read");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor.audit");
  const tAll = await getTranslations();
  const tr = await getTranslations("common.roles");
  const raw = flatParams(await searchParams);
  const parsed = ZAuditQuery.safeParse(raw);
  const q: z.output<typeof ZAuditQuery> = parsed.success ? parsed.data : {};
  const { rows, next } = await listAuditEvents(getDb(), actor, q);
  const filters = { application: q.application, actor: q.actor, type: q.type, from: q.from, to: q.to };
  const label = (type: string) => (t.has(`types.${type.replace(/\./g, "_")}`) ? t(`types.${type.replace(/\./g, "_")}`) : auditLabel(tAll, type));
  const role = (r: string) => (tr.has(r) ? tr(r) : r.startsWith("SYSTEM:") ? t("system") : r);
  const text = (name: keyof typeof filters, hint?: boolean) => (
    <Field
      id={`a-${name}`}
      name={name}
      label={t(name)}
      hint={hint ? t(`${name}Hint`) : undefined}
      defaultValue={filters[name] ?? ""}
      type={name === "from" || name === "to" ? "date" : "text"}
    />
  );
  return (
    <div>
      <SupervisorPageHeader actor={actor} section="audit" title={t("title")} lead={actor.role === "ADMIN" ? t("leadAdmin") : t("lead")} />
      {parsed.success ? null : (
        <p role="alert" className="mb-3 font-medium text-red-700">
          {t("badFilter")}
        </p>
      )}
      <FilterForm label={t("filters")} submitLabel={t("apply")} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        {text("application", true)}
        {text("actor", true)}
        {text("type", true)}
        {text("from")}
        {text("to")}
      </FilterForm>
      <Section id="events" title={t("eventsTitle")} actions={<ExportLink href="/api/supervisor/export/audit" query={filters} />}>
        <DataTable
          caption={t("eventsTitle")}
          empty={t("empty")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "at",
              header: t("columns.at"),
              className: "whitespace-nowrap",
              cell: (r) => <time dateTime={r.at.toISOString()}>{formatDateTime(r.at, locale)}</time>,
            },
            { key: "type", header: t("columns.type"), cell: (r) => label(r.type) },
            {
              key: "actor",
              header: t("columns.actor"),
              cell: (r) => <TwoLineCell main={r.actorName ?? "—"} sub={role(r.actorRole)} subClassName="text-xs text-slate-600" />,
            },
            {
              key: "application",
              header: t("columns.application"),
              cell: (r) =>
                r.applicationId ? (
                  <Link href={`/supervisor/applications/${r.applicationId}`} className="font-mono text-brand-700 underline underline-offset-4">
                    {r.registrationNumber ?? t("openApplication")}
                  </Link>
                ) : (
                  <span className="text-xs text-slate-600">{r.entityType}</span>
                ),
            },
            {
              key: "data",
              header: t("columns.data"),
              // The recorded details for investigators, behind a disclosure (the code is what the type filter takes).
              cell: (r) => (
                <details>
                  <summary className="cursor-pointer text-brand-700 underline">{t("details")}</summary>
                  <p className="mt-1 text-xs text-slate-700">
                    {t("typeCode")}: <code>{r.type}</code>
                  </p>
                  <code className="block max-w-md text-xs break-all whitespace-pre-wrap">{JSON.stringify(r.data, null, 1)}</code>
                </details>
              ),
            },
          ]}
        />
        <Pagination
          label={tAll("supervisor.pagination")}
          previous={q.after ? { href: { pathname: "/supervisor/audit", query: clean(filters) }, label: t("newest") } : null}
          next={next ? { href: { pathname: "/supervisor/audit", query: { ...clean(filters), after: next } }, label: t("older") } : null}
        />
      </Section>
    </div>
  );
}

function clean(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
}
