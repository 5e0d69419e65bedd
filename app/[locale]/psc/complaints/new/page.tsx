import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { listPscQueue } from "@/lib/cases/psc";
import { getService } from "@/lib/law/catalogue";
import type { Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { PscComplaintForm } from "@/app/[locale]/psc/_components/psc-complaint-form";
import { titleMetadata } from "@/components/i18n/title-metadata";

export const generateMetadata = titleMetadata("psc.complaintForm.title");

/** A paper complaint handed in at the window: registered for the centre's head, stamped copy as PDF [004 L827-830, L848-851]. */
export default async function PscComplaintPage() {
  const actor = await requireActor("psc.complaint_accept");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("psc.complaintForm");
  const queue = await listPscQueue(getDb(), actor, new Date());
  const applications = [...queue.toHandOver, ...queue.inProgress].map((r) => ({
    id: r.id,
    label: `${r.applicantName} · ${getService(r.serviceCode)?.shortTitle[locale] ?? r.serviceCode} · ${r.registrationNumber ?? "—"}`,
  }));
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <PscComplaintForm applications={applications} />
    </div>
  );
}
