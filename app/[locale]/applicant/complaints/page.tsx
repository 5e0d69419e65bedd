import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listMyComplaints } from "@/lib/oversight/complaints";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { ComplaintBadge, ComplaintStatus } from "@/components/complaints/complaint-badge";

export async function generateMetadata() {
  const t = await getTranslations("complaints.my");
  return { title: t("title") };
}

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
        <Link href="/applicant/complaints/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("my.newComplaint")}</Link>
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("my.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("my.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["ticket", "kind", "status", "acceptedAt", "dueAt", "deadline"] as const).map((c) => (
                  <th key={c} scope="col" className="p-3">{t(`columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link href={`/applicant/complaints/${r.id}`} className="font-mono font-semibold text-brand-700 underline underline-offset-4">{r.ticketNumber}</Link>
                  </td>
                  <td className="p-3">{t(`kinds.${r.kind}`)}</td>
                  <td className="p-3"><ComplaintStatus status={r.status} /></td>
                  <td className="p-3">{formatDateTime(r.acceptedAt, locale)}</td>
                  <td className="p-3">{formatDateTime(r.dueAt, locale)}</td>
                  <td className="p-3"><ComplaintBadge badge={r.badge} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
