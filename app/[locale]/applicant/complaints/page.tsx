import { getLocale, getTranslations } from "next-intl/server";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listMyComplaints } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { linkColumn } from "@/components/ui/link-column";
import { DataTable } from "@/components/ui/table";
import { ComplaintBadge, ComplaintStatus } from "@/components/complaints/complaint-badge";

export const generateMetadata = titleMetadata("complaints.my.title");

/** The applicant's complaints with their tickets and states. */
export default async function MyComplaintsPage() {
  const actor = await requireActor("complaint.file");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("complaints");
  const rows = await listMyComplaints(getDb(), actor, new Date());
  return (
    <div>
      <PageTitle lead={t("my.lead")}>{t("my.title")}</PageTitle>
      <p className="mb-4">
        <Link href="/applicant/complaints/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("my.newComplaint")}
        </Link>
      </p>
      <DataTable
        caption={t("my.title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("my.empty")}
        columns={[
          linkColumn<(typeof rows)[number]>({
            key: "ticket",
            header: t("columns.ticket"),
            link: (r) => ({ href: `/applicant/complaints/${r.id}`, text: r.ticketNumber }),
          }),
          { key: "kind", header: t("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) },
          { key: "status", header: t("columns.status"), cell: (r) => <ComplaintStatus status={r.status} /> },
          { key: "acceptedAt", header: t("columns.acceptedAt"), cell: (r) => formatDateTime(r.acceptedAt, locale) },
          { key: "dueAt", header: t("columns.dueAt"), cell: (r) => formatDateTime(r.dueAt, locale) },
          { key: "deadline", header: t("columns.deadline"), cell: (r) => <ComplaintBadge badge={r.badge} /> },
        ]}
      />
    </div>
  );
}
