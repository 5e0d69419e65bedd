import { getTranslations } from "next-intl/server";

const TONE: Record<string, string> = {
  ON_TIME: "bg-green-100 text-green-900",
  DUE_SOON: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-900",
  ANSWERED_ON_TIME: "bg-slate-100 text-slate-800",
  ANSWERED_LATE: "bg-orange-100 text-orange-900",
};

/** On time / due soon / overdue (or answered on time / late) against the complaint's term. */
export async function ComplaintBadge({ badge }: { badge: string }) {
  const t = await getTranslations("complaints.badges");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${TONE[badge] ?? ""}`}>{t(badge)}</span>;
}

const STATUS_TONE: Record<string, string> = {
  REGISTERED: "bg-brand-100 text-brand-800",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  ANSWERED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
};

export async function ComplaintStatus({ status }: { status: string }) {
  const t = await getTranslations("complaints.statuses");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_TONE[status] ?? ""}`}>{t(status)}</span>;
}
