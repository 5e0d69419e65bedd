import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listComplaintQueue, ZComplaintQueueQuery } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { organisationName } from "@/lib/oversight/metrics";
import { PageTitle } from "@/components/ui/page-title";
import { SupervisorNav } from "@/components/dashboard/sub-nav";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section, TableWrap, TD, TH } from "@/components/dashboard/section";
import { ComplaintBadge, ComplaintStatus } from "@/components/complaints/complaint-badge";
import { flatParams, sectionsFor } from "../_lib/sections";

export async function generateMetadata() {
  const t = await getTranslations("complaints.queue");
  return { title: t("title") };
}

const FILTERS = ["open", "REGISTERED", "IN_REVIEW", "ANSWERED", "REJECTED", "all"] as const;

/** The handlers' queue: complaints to the organisations in scope, the nearest deadline first. */
export default async function ComplaintQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("complaint.handle");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const parsed = ZComplaintQueueQuery.safeParse(flatParams(await searchParams));
  const q = parsed.success ? parsed.data : ZComplaintQueueQuery.parse({});
  const now = new Date();
  const { rows, next } = await listComplaintQueue(getDb(), actor, q, now);
  return (
    <div>
      <SupervisorNav sections={sectionsFor(actor)} current="complaints" />
      <PageTitle lead={t("queue.lead")}>{t("queue.title")}</PageTitle>
      <nav aria-label={t("queue.filterLabel")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={{ pathname: "/supervisor/complaints", query: f === "open" ? {} : { status: f } }}
                aria-current={q.status === f ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${q.status === f ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
              >
                {t(`queue.filters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="queue" title={t(`queue.filters.${q.status}`)} actions={<ExportLink href="/api/supervisor/export/complaints" query={{ status: q.status }} />}>
        {rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("queue.empty")}</p>
        ) : (
          <TableWrap>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("queue.title")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(["ticket", "kind", "status", "deadline", "acceptedAt", "dueAt", "organisation", "application"] as const).map((c) => (
                    <th key={c} scope="col" className={TH}>{t(`columns.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200">
                    <td className={TD}>
                      <Link href={`/supervisor/complaints/${r.id}`} className="font-mono font-semibold text-brand-700 underline underline-offset-4">{r.ticketNumber}</Link>
                    </td>
                    <td className={TD}>{t(`kinds.${r.kind}`)}</td>
                    <td className={TD}><ComplaintStatus status={r.status} /></td>
                    <td className={TD}><ComplaintBadge badge={r.badge} /></td>
                    <td className={TD}>{formatDateTime(r.acceptedAt, locale)}</td>
                    <td className={TD}>{formatDateTime(r.dueAt, locale)}</td>
                    <td className={TD}>{organisationName(r.organisation, locale)}</td>
                    <td className={`${TD} font-mono`}>{r.application?.registrationNumber ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {next ? (
          <Link href={{ pathname: "/supervisor/complaints", query: { ...(q.status === "open" ? {} : { status: q.status }), after: next } }} className="mt-3 inline-block font-semibold text-brand-700 underline">
            {t("queue.next")}
          </Link>
        ) : null}
      </Section>
    </div>
  );
}
