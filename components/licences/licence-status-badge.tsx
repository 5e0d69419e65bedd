import { getTranslations } from "next-intl/server";

const TONE: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-900",
  SUSPENDED: "bg-amber-100 text-amber-900",
  TERMINATED: "bg-red-100 text-red-900",
  SUPERSEDED: "bg-slate-200 text-slate-800",
};

export async function LicenceStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("licences.register.statuses");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${TONE[status] ?? ""}`} data-status={status}>
      {t(status as never)}
    </span>
  );
}
