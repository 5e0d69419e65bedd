import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { auditLabel } from "./audit-label";

export type AuditRow = { id: string; at: Date; type: string; actorName: string | null; actorRole: string };

/** The audit trail of an application in words: when, what, who (newest last). */
export async function AuditSummary({ rows }: { rows: AuditRow[] }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.audit");
  const tAll = await getTranslations();
  const tr = await getTranslations("common.roles");
  if (!rows.length) return <p className="text-slate-700">{t("empty")}</p>;
  const label = (type: string) => auditLabel(tAll, type);
  const who = (r: AuditRow) => {
    if (r.actorRole.startsWith("SYSTEM")) return t("system");
    const role = tr.has(r.actorRole as never) ? tr(r.actorRole as never) : r.actorRole;
    return r.actorName ? `${r.actorName} (${role})` : role;
  };
  return (
    <ol className="flex flex-col divide-y divide-slate-200">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-col gap-x-4 py-2 sm:flex-row">
          <time dateTime={r.at.toISOString()} className="shrink-0 text-sm text-slate-700 sm:w-44">
            {formatDateTime(r.at, locale)}
          </time>
          <span className="font-medium">{label(r.type)}</span>
          <span className="text-slate-700 sm:ml-auto">{who(r)}</span>
        </li>
      ))}
    </ol>
  );
}
