import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { oversightReach } from "@/lib/platform/auth";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import {
  BREAKDOWN_DIMENSIONS,
  DEADLINE_BASES,
  DEADLINE_BUCKETS,
  deadlineDashboard,
  listDeadlineApplications,
  organisationName,
  resolveOrgScope,
  ZDeadlineListQuery,
  type TBreakdownDimension,
  type TDeadlineBucket,
} from "@/lib/oversight/metrics";
import { scopeServices } from "./_lib/scope-services";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section } from "@/components/dashboard/section";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { PillNav } from "@/components/ui/pill-nav";
import { SelectField } from "@/components/ui/select-field";
import { flatParams } from "./_lib/sections";
import { BreakdownTable } from "./_components/breakdown-table";
import { DeadlineListTable, type TDueColumn } from "./_components/deadline-list-table";
import { SupervisorPageHeader } from "./_components/supervisor-page-header";

// The page opens on the current step's deadlines (what officers must act on, as in the worklists).
const ZPage = ZDeadlineListQuery.extend({ dim: z.enum(BREAKDOWN_DIMENSIONS).default("service"), basis: z.enum(DEADLINE_BASES).default("step") });

/** Two labelled groups: by the current step's due instant, and by the application's overall term. */
const TILE_GROUPS = [
  {
    basis: "step",
    tiles: [
      { key: "stepOverdue", label: "overdue", list: "overdue", tone: "border-red-700" },
      { key: "stepDueToday", label: "dueToday", list: "today", tone: "border-orange-600" },
      { key: "stepDueSoon", label: "dueSoon", list: "soon", tone: "border-amber-500" },
    ],
  },
  {
    basis: "term",
    tiles: [
      { key: "open", label: "open", list: null, tone: "border-brand-700" },
      { key: "overdue", label: "overdue", list: "overdue", tone: "border-red-700" },
      { key: "dueToday", label: "dueToday", list: "today", tone: "border-orange-600" },
      { key: "dueSoon", label: "dueSoon", list: "soon", tone: "border-amber-500" },
      { key: "deemedIssued", label: "deemedIssued", list: "deemed", tone: "border-purple-700" },
    ],
  },
] as const;

/** Which list filter a breakdown row drills into. */
const DRILL: Record<TBreakdownDimension, string> = {
  organisation: "organisationId",
  service: "service",
  variant: "variant",
  step: "step",
  officer: "assignee",
};

export default async function SupervisorDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("dashboard.read");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor");
  const tv = await getTranslations("catalogue.variant");
  const ts = await getTranslations("notifications.steps");
  const raw = flatParams(await searchParams);
  const parsed = ZPage.safeParse(raw);
  const q = parsed.success ? parsed.data : ZPage.parse({});
  const now = new Date();
  const db = getDb();
  const filter = { organisationId: q.organisationId, service: q.service, hours: q.hours };
  const [d, list, fullScope] = await Promise.all([
    deadlineDashboard(db, actor, filter, now),
    listDeadlineApplications(db, actor, q, now),
    resolveOrgScope(db, actor),
  ]);
  const orgs = new Map(d.scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
  const serviceName = (code: string | null) => (code ? (getService(code)?.shortTitle[locale] ?? code) : t("columns.noService"));
  const stepName = (key: string | null) => (key ? (ts.has(key) ? ts(key) : key) : t("dashboard.noStep"));
  const variantName = (v: string | null) => (v ? (tv.has(v.toLowerCase()) ? tv(v.toLowerCase()) : v) : "—");
  const label = (dim: TBreakdownDimension, key: string | null): string => {
    switch (dim) {
      case "organisation":
        return orgs.get(key ?? "") ?? String(key);
      case "service":
        return serviceName(key);
      case "variant":
        return variantName(key);
      case "step":
        return stepName(key);
      case "officer":
        return key ? (d.officers[key] ?? key) : t("dashboard.unassigned");
    }
  };
  const base = { organisationId: q.organisationId, service: q.service, hours: q.hours === 8 ? undefined : q.hours };
  const listQuery = { ...base, basis: q.basis, list: q.list, variant: q.variant, step: q.step, assignee: q.assignee };
  const href = (extra: Record<string, string | number | undefined>) => ({
    pathname: "/supervisor",
    query: Object.fromEntries(Object.entries({ ...base, dim: q.dim, basis: q.basis, ...extra }).filter(([, v]) => v !== undefined && v !== "")) as Record<
      string,
      string
    >,
  });
  const services = scopeServices(fullScope.organisations);
  const drilled = q.variant || q.step || q.assignee;
  // The organisation filter only when the scope has more than one.
  const scopeSelects = [
    ...(fullScope.organisations.length > 1
      ? [
          {
            id: "f-org",
            name: "organisationId",
            label: t("dashboard.organisationLabel"),
            placeholder: t("dashboard.allOrganisations"),
            value: q.organisationId,
            options: fullScope.organisations.map((o) => ({ value: o.id, label: organisationName(o, locale) })),
          },
        ]
      : []),
    {
      id: "f-service",
      name: "service",
      label: t("dashboard.serviceLabel"),
      placeholder: t("dashboard.allServices"),
      value: q.service,
      options: services.map((s) => ({ value: s.code, label: s.shortTitle[locale] })),
    },
  ];
  const dueColumn: TDueColumn = q.list === "deemed" ? "deemedIssuedAt" : q.basis === "step" ? "stepDueAt" : "dueAt";

  return (
    <div>
      <SupervisorPageHeader
        actor={actor}
        section="dashboard"
        title={t("title")}
        lead={t(`scope.${oversightReach(actor)}`)}
      />

      <FilterForm
        label={t("dashboard.filters")}
        submitLabel={t("dashboard.apply")}
        className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        {scopeSelects.map(({ value, ...f }) => (
          <SelectField key={f.id} {...f} defaultValue={value ?? ""} className="min-w-0 max-w-full" selectClassName="max-w-[min(20rem,100%)]" />
        ))}
        <Field
          id="f-hours"
          name="hours"
          type="number"
          min={1}
          max={200}
          label={t("dashboard.hoursLabel")}
          hint={t("dashboard.hoursHint")}
          defaultValue={q.hours}
          className="w-40"
        />
        <input type="hidden" name="list" value={q.list} />
        <input type="hidden" name="dim" value={q.dim} />
      </FilterForm>

      <p className="mb-3 text-sm text-slate-700">{t("dashboard.asOf", { at: formatDateTime(now, locale) })}</p>
      {TILE_GROUPS.map((group) => (
        <section key={group.basis} aria-labelledby={`tiles-${group.basis}`} className="mb-6" data-testid={`tiles-${group.basis}`}>
          <h2 id={`tiles-${group.basis}`} className="text-lg font-semibold">
            {t(`dashboard.basis.${group.basis}`)}
          </h2>
          <p className="mb-2 text-sm text-slate-700">{t(`dashboard.basisLead.${group.basis}`)}</p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t(`dashboard.basis.${group.basis}`)}>
            {group.tiles.map((tile) => {
              const value = d.totals[tile.key];
              const text = tile.label === "dueSoon" ? t("tiles.dueSoonHours", { hours: d.hours }) : t(`tiles.${tile.label}`);
              const current = q.list === tile.list && q.basis === group.basis;
              return (
                <li key={tile.key} className={`rounded-lg border-l-4 bg-white p-4 shadow-sm ${tile.tone}`} data-testid={`tile-${tile.key}`}>
                  {tile.list ? (
                    <Link
                      href={href({ list: tile.list, basis: group.basis })}
                      className="block underline-offset-4 hover:underline"
                      aria-current={current ? "true" : undefined}
                    >
                      <span className="block text-sm text-slate-700">{text}</span>
                      <span className="block text-3xl font-bold tabular-nums">{value}</span>
                    </Link>
                  ) : (
                    <>
                      <span className="block text-sm text-slate-700">{text}</span>
                      <span className="block text-3xl font-bold tabular-nums">{value}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <Section
        id="lists"
        title={`${t(`dashboard.lists.${q.list}`)} · ${t(`dashboard.basis.${q.basis}`)}`}
        lead={drilled ? t("dashboard.drilled") : t("dashboard.listLead")}
        actions={<ExportLink href="/api/supervisor/export/deadline-list" query={listQuery} />}
      >
        <PillNav
          label={t("dashboard.listsTitle")}
          className="mb-3"
          pills={DEADLINE_BUCKETS.map((b: TDeadlineBucket) => ({ key: b, href: href({ list: b }), label: t(`dashboard.lists.${b}`), current: q.list === b }))}
          after={
            drilled ? (
              <Link href={href({ list: q.list })} className="inline-block px-3 py-1 text-sm font-semibold text-brand-700 underline">
                {t("dashboard.clearDrill")}
              </Link>
            ) : null
          }
        />
        <DeadlineListTable
          rows={list.rows}
          list={q.list}
          dueColumn={dueColumn}
          names={{ service: serviceName, variant: variantName, step: stepName, organisation: (id) => orgs.get(id) ?? "—" }}
        />
        <Pagination
          label={t("pagination")}
          previous={q.after ? { href: href({ list: q.list, variant: q.variant, step: q.step, assignee: q.assignee }), label: t("dashboard.first") } : null}
          next={
            list.next
              ? { href: href({ list: q.list, variant: q.variant, step: q.step, assignee: q.assignee, after: list.next }), label: t("dashboard.next") }
              : null
          }
        />
      </Section>

      <Section
        id="breakdown"
        title={t("dashboard.breakdownTitle")}
        lead={t("dashboard.breakdownLead")}
        actions={<ExportLink href="/api/supervisor/export/deadline-breakdown" query={{ ...base, dimension: q.dim }} />}
      >
        <PillNav
          label={t("dashboard.dimensionLabel")}
          className="mb-3"
          pills={BREAKDOWN_DIMENSIONS.map((dim) => ({
            key: dim,
            href: href({ list: q.list, dim }),
            label: t(`dashboard.dimensions.${dim}`),
            current: q.dim === dim,
          }))}
        />
        <BreakdownTable
          dimension={q.dim}
          hours={d.hours}
          rows={d.breakdown[q.dim]}
          totals={d.totals}
          rowLink={(r) => ({
            href: href({ list: r.overdue > 0 ? "overdue" : q.list, [DRILL[q.dim]]: r.key ?? (q.dim === "officer" ? "none" : undefined) }),
            label: label(q.dim, r.key),
          })}
        />
      </Section>
    </div>
  );
}
