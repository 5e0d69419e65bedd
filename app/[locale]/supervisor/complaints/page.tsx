import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { requireActor } from "@/app/_server/session";
import { listComplaintQueue, ZComplaintQueueQuery } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { organisationName } from "@/lib/oversight/metrics";
import { ReportSection } from "../_components/report-section";
import { Pagination } from "@/components/ui/pagination";
import { PillNav } from "@/components/ui/pill-nav";
import { DataTable } from "@/components/ui/table";
import { complaintColumns } from "@/components/complaints/complaint-columns";
import { flatParams } from "../_lib/sections";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { SupervisorPageHeader } from "../_components/supervisor-page-header";

export const generateMetadata = titleMetadata("complaints.queue.title");

const FILTERS = ["open", "REGISTERED", "IN_REVIEW", "ANSWERED", "REJECTED", "all"] as const;

/** The handlers' queue: complaints to the organisations in scope, the nearest deadline first. */
export default async function ComplaintQueuePage({ params, searchParams }: LocalePageProps) {
  const actor = await requireActor("complaint.handle");
  const locale = await pageLocale(params);
  const t = await getTranslations("complaints");
  const tAll = await getTranslations();
  const parsed = ZComplaintQueueQuery.safeParse(flatParams(await searchParams));
  const q = parsed.success ? parsed.data : ZComplaintQueueQuery.parse({});
  const now = new Date();
  const { rows, next } = await listComplaintQueue(getDb(), actor, q, now);
  const c = complaintColumns(t, locale, "/supervisor/complaints");
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
      <ReportSection id="queue" title={t(`queue.filters.${q.status}`)} table="complaints" query={{ status: q.status }}>
        <DataTable
          caption={t("queue.title")}
          empty={t("queue.empty")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            c.ticket,
            c.kind,
            c.status,
            c.deadline,
            c.acceptedAt,
            c.dueAt,
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
      </ReportSection>
    </div>
  );
}
