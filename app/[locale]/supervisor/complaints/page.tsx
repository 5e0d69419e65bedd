import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { listComplaintQueue, ZComplaintQueueQuery } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { organisationName } from "@/lib/oversight/metrics";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section } from "@/components/dashboard/section";
import { Pagination } from "@/components/ui/pagination";
import { PillNav } from "@/components/ui/pill-nav";
import { DataTable } from "@/components/ui/table";
import { linkColumn } from "@/components/ui/link-column";
import { ComplaintBadge, ComplaintStatus } from "@/components/complaints/complaint-badge";
import { flatParams } from "../_lib/sections";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { SupervisorPageHeader } from "../_components/supervisor-page-header";

export const generateMetadata = titleMetadata("complaints.queue.title");

const FILTERS = ["open", "REGISTERED", "IN_REVIEW", "ANSWERED", "REJECTED", "all"] as const;

/** The handlers' queue: complaints to the organisations in scope, the nearest deadline first. */
export default async function ComplaintQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("complaint.handle");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const tAll = await getTranslations();
  const parsed = ZComplaintQueueQuery.safeParse(flatParams(await searchParams));
  const q = parsed.success ? parsed.data : ZComplaintQueueQuery.parse({});
  const now = new Date();
  const { rows, next } = await listComplaintQueue(getDb(), actor, q, now);
  return (
    <div>
      <SupervisorPageHeader actor={actor} section="complaints" title={t("queue.title")} lead={t("queue.lead")} />
      <PillNav
        label={t("queue.filterLabel")}
        className="mb-4"
        pills={FILTERS.map((f) => ({
          key: f,
          href: { pathname: "/supervisor/complaints", query: f === "open" ? {} : { status: f } },
          label: t(`queue.filters.${f}`),
          current: q.status === f,
        }))}
      />
      <Section id="queue" title={t(`queue.filters.${q.status}`)} actions={<ExportLink href="/api/supervisor/export/complaints" query={{ status: q.status }} />}>
        <DataTable
          caption={t("queue.title")}
          empty={t("queue.empty")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            linkColumn<(typeof rows)[number]>({
              key: "ticket",
              header: t("columns.ticket"),
              link: (r) => ({ href: `/supervisor/complaints/${r.id}`, text: r.ticketNumber }),
            }),
            { key: "kind", header: t("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) },
            { key: "status", header: t("columns.status"), cell: (r) => <ComplaintStatus status={r.status} /> },
            { key: "deadline", header: t("columns.deadline"), cell: (r) => <ComplaintBadge badge={r.badge} /> },
            { key: "acceptedAt", header: t("columns.acceptedAt"), cell: (r) => formatDateTime(r.acceptedAt, locale) },
            { key: "dueAt", header: t("columns.dueAt"), cell: (r) => formatDateTime(r.dueAt, locale) },
            { key: "organisation", header: t("columns.organisation"), cell: (r) => organisationName(r.organisation, locale) },
            { key: "application", header: t("columns.application"), className: "font-mono", cell: (r) => r.application?.registrationNumber ?? "—" },
          ]}
        />
        <Pagination
          label={tAll("supervisor.pagination")}
          next={
            next
              ? {
                  href: { pathname: "/supervisor/complaints", query: { ...(q.status === "open" ? {} : { status: q.status }), after: next } },
                  label: t("queue.next"),
                }
              : null
          }
        />
      </Section>
    </div>
  );
}
