import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { auditLabel } from "@/components/officer/audit-label";
import { listAuditEvents, ZAuditQuery } from "@/lib/oversight/metrics";
import { PageTitle } from "@/components/ui/page-title";
import { SupervisorNav } from "@/components/dashboard/sub-nav";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section, TableWrap, TD, TH } from "@/components/dashboard/section";
import { flatParams, sectionsFor } from "../_lib/sections";

export async function generateMetadata() {
  const t = await getTranslations("supervisor.audit");
  return { title: t("title") };
}

const FIELD = "rounded border border-slate-400 bg-white px-3 py-2";

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
    <div className="flex flex-col gap-1">
      <label htmlFor={`a-${name}`} className="text-sm font-medium">{t(name)}</label>
      <input id={`a-${name}`} name={name} defaultValue={filters[name] ?? ""} aria-describedby={hint ? `a-${name}-hint` : undefined} className={FIELD} type={name === "from" || name === "to" ? "date" : "text"} />
      {hint ? <p id={`a-${name}-hint`} className="text-xs text-slate-600">{t(`${name}Hint`)}</p> : null}
    </div>
  );
  return (
    <div>
      <SupervisorNav sections={sectionsFor(actor)} current="audit" />
      <PageTitle lead={actor.role === "ADMIN" ? t("leadAdmin") : t("lead")}>{t("title")}</PageTitle>
      <form method="get" role="search" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        {text("application", true)}
        {text("actor", true)}
        {text("type", true)}
        {text("from")}
        {text("to")}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
        {parsed.success ? null : <p role="alert" className="w-full font-medium text-red-700">{t("badFilter")}</p>}
      </form>
      <Section id="events" title={t("eventsTitle")} actions={<ExportLink href="/api/supervisor/export/audit" query={filters} />}>
        {rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("empty")}</p>
        ) : (
          <TableWrap>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("eventsTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(["at", "type", "actor", "application", "data"] as const).map((c) => (
                    <th key={c} scope="col" className={TH}>{t(`columns.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200">
                    <td className={`${TD} whitespace-nowrap`}><time dateTime={r.at.toISOString()}>{formatDateTime(r.at, locale)}</time></td>
                    <td className={TD}>
                      {label(r.type)}
                    </td>
                    <td className={TD}>
                      {r.actorName ?? "—"}
                      <span className="block text-xs text-slate-600">{role(r.actorRole)}</span>
                    </td>
                    <td className={TD}>
                      {r.applicationId ? (
                        <Link href={`/supervisor/applications/${r.applicationId}`} className="font-mono text-brand-700 underline underline-offset-4">
                          {r.registrationNumber ?? t("openApplication")}
                        </Link>
                      ) : (
                        <span className="text-xs text-slate-600">{r.entityType}</span>
                      )}
                    </td>
                    <td className={TD}>
                      {/* The recorded details for investigators, behind a disclosure (the code is what the type filter takes). */}
                      <details>
                        <summary className="cursor-pointer text-brand-700 underline">{t("details")}</summary>
                        <p className="mt-1 text-xs text-slate-700">
                          {t("typeCode")}: <code>{r.type}</code>
                        </p>
                        <code className="block max-w-md text-xs break-all whitespace-pre-wrap">{JSON.stringify(r.data, null, 1)}</code>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <div className="mt-3 flex gap-6">
          {q.after ? <Link href={{ pathname: "/supervisor/audit", query: clean(filters) }} className="font-semibold text-brand-700 underline">{t("newest")}</Link> : null}
          {next ? <Link href={{ pathname: "/supervisor/audit", query: { ...clean(filters), after: next } }} className="font-semibold text-brand-700 underline">{t("older")}</Link> : null}
        </div>
      </Section>
    </div>
  );
}

function clean(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
}
