import { getTranslations } from "next-intl/server";

const TONE: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-brand-100 text-brand-800",
  IN_PROGRESS: "bg-brand-100 text-brand-800",
  SUSPENDED: "bg-amber-100 text-amber-900",
  DEEMED_ISSUED: "bg-purple-100 text-purple-900",
  ISSUED: "bg-green-100 text-green-900",
  REFUSED: "bg-red-100 text-red-900",
  WITHDRAWN: "bg-slate-200 text-slate-800",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("status");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${TONE[status] ?? "bg-slate-100"}`}>{t(status)}</span>;
}

const DEADLINE_TONE: Record<string, string> = {
  ON_TIME: "bg-green-100 text-green-900",
  DUE_SOON: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-900",
};

export async function DeadlineBadge({ level }: { level: string }) {
  const t = await getTranslations("status.deadline");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${DEADLINE_TONE[level] ?? ""}`}>{t(level)}</span>;
}
