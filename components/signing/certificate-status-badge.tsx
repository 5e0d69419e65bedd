import { getTranslations } from "next-intl/server";

const TONE: Record<string, string> = {
  valid: "bg-green-100 text-green-900",
  revoked: "bg-red-100 text-red-900",
  expired: "bg-slate-200 text-slate-800",
  not_yet_valid: "bg-amber-100 text-amber-900",
};

/** Status of an issued certificate at the time of the page (eds.status.*). */
export async function CertificateStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("eds.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[status] ?? "bg-slate-100"}`}>{t(status)}</span>;
}
