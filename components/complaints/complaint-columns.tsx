import type { getTranslations } from "next-intl/server";
import type { TComplaintListRow } from "@/lib/oversight/complaints";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { linkColumn } from "@/components/ui/link-column";
import type { TableColumn } from "@/components/ui/table";
import { ComplaintBadge, ComplaintStatus } from "./complaint-badge";

type Complaints = Awaited<ReturnType<typeof getTranslations<"complaints">>>;
type Key = "ticket" | "kind" | "status" | "deadline" | "acceptedAt" | "dueAt";

/**
 * The columns every list of complaints shows (the applicant's own, the handlers' queue): the ticket
 * opening `${base}/${id}`, kind, status, the term's badge and the two dates. Returned by name so a
 * page puts them in its own order and adds its own.
 */
export function complaintColumns(
  t: Complaints,
  locale: Locale,
  base: "/applicant/complaints" | "/supervisor/complaints",
): Record<Key, TableColumn<TComplaintListRow>> {
  return {
    ticket: linkColumn<TComplaintListRow>({
      key: "ticket",
      header: t("columns.ticket"),
      link: (r) => ({ href: `${base}/${r.id}`, text: r.ticketNumber }),
    }),
    kind: { key: "kind", header: t("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) },
    status: { key: "status", header: t("columns.status"), cell: (r) => <ComplaintStatus status={r.status} /> },
    deadline: { key: "deadline", header: t("columns.deadline"), cell: (r) => <ComplaintBadge badge={r.badge} /> },
    acceptedAt: { key: "acceptedAt", header: t("columns.acceptedAt"), cell: (r) => formatDateTime(r.acceptedAt, locale) },
    dueAt: { key: "dueAt", header: t("columns.dueAt"), cell: (r) => formatDateTime(r.dueAt, locale) },
  };
}
