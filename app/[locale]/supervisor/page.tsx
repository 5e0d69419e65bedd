import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { BREAKDOWN_DIMENSIONS, DEADLINE_BASES, DEADLINE_BUCKETS, deadlineDashboard, listDeadlineApplications, organisationName, resolveOrgScope, ZDeadlineListQuery, type TBreakdownDimension, type TDeadlineBucket } from "@/lib/oversight/metrics";
import { scopeServices } from "./_lib/scope-services";
import { PageTitle } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/status/status-badge";
import { SupervisorNav } from "@/components/dashboard/sub-nav";
import { ExportLink } from "@/components/dashboard/export-link";
import { NUM, Section, TableWrap, TD, TH } from "@/components/dashboard/section";
import { flatParams, sectionsFor } from "./_lib/sections";

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
const DRILL: Record<TBreakdownDimension, string> = { organisation: "organisationId", service: "service", variant: "variant", step: "step", officer: "assignee" };

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
  const [d, list, fullScope] = await Promise.all([deadlineDashboard(db, actor, filter, now), listDeadlineApplications(db, actor, q, now), resolveOrgScope(db, actor)]);
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
    query: Object.fromEntries(Object.entries({ ...base, dim: q.dim, basis: q.basis, ...extra }).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>,
  });
  const services = scopeServices(fullScope.organisations);
  const drilled = q.variant || q.step || q.assignee;

  return (
    <div>
      <SupervisorNav sections={sectionsFor(actor)} current="dashboard" />
      <PageTitle lead={actor.role === "ADMIN" ? t("scope.ALL") : t(`scope.${actor.supervisorScope ?? "ORGANISATION"}`)}>{t("title")}</PageTitle>

      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("dashboard.filters")}>
        {fullScope.organisations.length > 1 ? (
          <div className="flex min-w-0 max-w-full flex-col gap-1">
            <label htmlFor="f-org" className="text-sm font-medium">{t("dashboard.organisationLabel")}</label>
            <select id="f-org" name="organisationId" defaultValue={q.organisationId ?? ""} className="max-w-[min(20rem,100%)] rounded border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("dashboard.allOrganisations")}</option>
              {fullScope.organisations.map((o) => (
                <option key={o.id} value={o.id}>{organisationName(o, locale)}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="f-service" className="text-sm font-medium">{t("dashboard.serviceLabel")}</label>
          <select id="f-service" name="service" defaultValue={q.service ?? ""} className="max-w-[min(20rem,100%)] rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">{t("dashboard.allServices")}</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>{s.shortTitle[locale]}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="f-hours" className="text-sm font-medium">{t("dashboard.hoursLabel")}</label>
          <input id="f-hours" name="hours" type="number" min={1} max={200} defaultValue={q.hours} aria-describedby="f-hours-hint" className="w-28 rounded border border-slate-400 bg-white px-3 py-2" />
          <p id="f-hours-hint" className="text-xs text-slate-600">{t("dashboard.hoursHint")}</p>
        </div>
        <input type="hidden" name="list" value={q.list} />
        <input type="hidden" name="dim" value={q.dim} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("dashboard.apply")}</button>
      </form>

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
                    <Link href={href({ list: tile.list, basis: group.basis })} className="block underline-offset-4 hover:underline" aria-current={current ? "true" : undefined}>
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
        <nav aria-label={t("dashboard.listsTitle")} className="mb-3">
          <ul className="flex flex-wrap gap-2">
            {DEADLINE_BUCKETS.map((b: TDeadlineBucket) => (
              <li key={b}>
                <Link href={href({ list: b })} aria-current={q.list === b ? "page" : undefined} className={`inline-block rounded-full border px-3 py-1 text-sm ${q.list === b ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}>
                  {t(`dashboard.lists.${b}`)}
                </Link>
              </li>
            ))}
            {drilled ? (
              <li>
                <Link href={href({ list: q.list })} className="inline-block px-3 py-1 text-sm font-semibold text-brand-700 underline">{t("dashboard.clearDrill")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        {list.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("dashboard.listEmpty")}</p>
        ) : (
          <TableWrap>
            <table className="w-full text-sm">
              <caption className="sr-only">{t(`dashboard.lists.${q.list}`)}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(["number", "applicant", "service", "status", "step", "officer", "organisation", q.list === "deemed" ? "deemedIssuedAt" : q.basis === "step" ? "stepDueAt" : "dueAt"] as const).map((c) => (
                    <th key={c} scope="col" className={TH}>{t(`columns.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200">
                    <td className={TD}>
                      <Link href={`/supervisor/applications/${r.id}`} className="font-mono font-semibold text-brand-700 underline underline-offset-4">
                        {r.registrationNumber ?? t("columns.unregistered")}
                      </Link>
                    </td>
                    <td className={TD}>{r.applicantName}</td>
                    <td className={TD}>
                      {serviceName(r.serviceCode)}
                      <br />
                      <span className="text-slate-600">{variantName(r.variant)}</span>
                    </td>
                    <td className={TD}><StatusBadge status={r.status} /></td>
                    <td className={TD}>{stepName(r.stepKey)}</td>
                    <td className={TD}>{r.assigneeName ?? t("dashboard.unassigned")}</td>
                    <td className={TD}>{orgs.get(r.organisationId) ?? "—"}</td>
                    <td className={TD}>{(() => {
                      const at = q.list === "deemed" ? r.deemedIssuedAt : q.basis === "step" ? r.stepDueAt : r.dueAt;
                      return at ? formatDateTime(at, locale) : "—";
                    })()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <div className="mt-3 flex gap-6">
          {q.after ? <Link href={href({ list: q.list, variant: q.variant, step: q.step, assignee: q.assignee })} className="font-semibold text-brand-700 underline">{t("dashboard.first")}</Link> : null}
          {list.next ? <Link href={href({ list: q.list, variant: q.variant, step: q.step, assignee: q.assignee, after: list.next })} className="font-semibold text-brand-700 underline">{t("dashboard.next")}</Link> : null}
        </div>
      </Section>

      <Section
        id="breakdown"
        title={t("dashboard.breakdownTitle")}
        lead={t("dashboard.breakdownLead")}
        actions={<ExportLink href="/api/supervisor/export/deadline-breakdown" query={{ ...base, dimension: q.dim }} />}
      >
        <nav aria-label={t("dashboard.dimensionLabel")} className="mb-3">
          <ul className="flex flex-wrap gap-2">
            {BREAKDOWN_DIMENSIONS.map((dim) => (
              <li key={dim}>
                <Link href={{ ...href({ list: q.list }), query: { ...href({ list: q.list }).query, dim } }} aria-current={q.dim === dim ? "page" : undefined} className={`inline-block rounded-full border px-3 py-1 text-sm ${q.dim === dim ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}>
                  {t(`dashboard.dimensions.${dim}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <TableWrap>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("dashboard.breakdownCaption", { dimension: t(`dashboard.dimensions.${q.dim}`) })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={TH}>{t(`dashboard.dimensions.${q.dim}`)}</th>
                <th scope="col" className={`${TH} text-right`}>{t("dashboard.stepColumn", { what: t("tiles.overdue") })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("dashboard.stepColumn", { what: t("tiles.dueToday") })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("tiles.open")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("dashboard.termColumn", { what: t("tiles.overdue") })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("dashboard.termColumn", { what: t("tiles.dueToday") })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("dashboard.termColumn", { what: t("tiles.dueSoonHours", { hours: d.hours }) })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("tiles.deemedIssued")}</th>
              </tr>
            </thead>
            <tbody>
              {d.breakdown[q.dim].map((r) => (
                <tr key={String(r.key)} className="border-t border-slate-200">
                  <th scope="row" className={`${TD} font-normal`}>
                    <Link href={href({ list: r.overdue > 0 ? "overdue" : q.list, [DRILL[q.dim]]: r.key ?? (q.dim === "officer" ? "none" : undefined) })} className="text-brand-700 underline underline-offset-4">
                      {label(q.dim, r.key)}
                    </Link>
                  </th>
                  <td className={`${NUM} ${r.stepOverdue > 0 ? "font-bold text-red-800" : ""}`}>{r.stepOverdue}</td>
                  <td className={NUM}>{r.stepDueToday}</td>
                  <td className={NUM}>{r.open}</td>
                  <td className={`${NUM} ${r.overdue > 0 ? "font-bold text-red-800" : ""}`}>{r.overdue}</td>
                  <td className={NUM}>{r.dueToday}</td>
                  <td className={NUM}>{r.dueSoon}</td>
                  <td className={NUM}>{r.deemedIssued}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className={TD}>{t("dashboard.total")}</th>
                <td className={NUM}>{d.totals.stepOverdue}</td>
                <td className={NUM}>{d.totals.stepDueToday}</td>
                <td className={NUM}>{d.totals.open}</td>
                <td className={NUM}>{d.totals.overdue}</td>
                <td className={NUM}>{d.totals.dueToday}</td>
                <td className={NUM}>{d.totals.dueSoon}</td>
                <td className={NUM}>{d.totals.deemedIssued}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </Section>
    </div>
  );
}
