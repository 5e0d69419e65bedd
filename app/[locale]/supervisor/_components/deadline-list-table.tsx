import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import type { TDeadlineBucket, TDeadlineListRow } from "@/lib/oversight/metrics";
import { StatusBadge } from "@/components/status/status-badge";
import { DataTable } from "@/components/ui/table";
import { linkColumn } from "@/components/ui/link-column";
import { TwoLineCell } from "@/components/ui/two-line-cell";

/** Which instant the last column shows: the deemed issue, the current step's due instant or the overall term. */
export type TDueColumn = "deemedIssuedAt" | "stepDueAt" | "dueAt";

type Names = {
  service: (code: string | null) => string;
  variant: (variant: string | null) => string;
  step: (key: string | null) => string;
  organisation: (id: string) => string;
};

/** One page of a deadline list; the registration number opens the application. */
export async function DeadlineListTable({
  rows,
  list,
  dueColumn,
  names,
}: {
  rows: readonly TDeadlineListRow[];
  list: TDeadlineBucket;
  dueColumn: TDueColumn;
  names: Names;
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor");
  return (
    <DataTable
      caption={t(`dashboard.lists.${list}`)}
      empty={t("dashboard.listEmpty")}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        linkColumn<TDeadlineListRow>({
          key: "number",
          header: t("columns.number"),
          link: (r) => ({ href: `/supervisor/applications/${r.id}`, text: r.registrationNumber ?? t("columns.unregistered") }),
        }),
        { key: "applicant", header: t("columns.applicant"), cell: (r) => r.applicantName },
        {
          key: "service",
          header: t("columns.service"),
          cell: (r) => <TwoLineCell main={names.service(r.serviceCode)} sub={names.variant(r.variant)} subClassName="text-slate-600" />,
        },
        { key: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
        { key: "step", header: t("columns.step"), cell: (r) => names.step(r.stepKey) },
        { key: "officer", header: t("columns.officer"), cell: (r) => r.assigneeName ?? t("dashboard.unassigned") },
        { key: "organisation", header: t("columns.organisation"), cell: (r) => names.organisation(r.organisationId) },
        {
          key: dueColumn,
          header: t(`columns.${dueColumn}`),
          cell: (r) => {
            const at = r[dueColumn];
            return at ? formatDateTime(at, locale) : "—";
          },
        },
      ]}
    />
  );
}
