import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/_server/or-not-found";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { getApplication } from "@/lib/cases/applications";
import { PageTitle } from "@/components/ui/page-title";
import { WithdrawButton } from "@/app/[locale]/applicant/applications/[id]/_components/withdraw-button";

/** "Are you sure you want to withdraw?": a page of its own instead of a confirm() pop-up. */
export default async function WithdrawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor("application.withdraw");
  const app = await orNotFound(getApplication(getDb(), actor, id));
  // WITHDRAWN stays reachable: the action's refresh re-renders this page after a successful withdrawal.
  if (!["DRAFT", "SUBMITTED", "WITHDRAWN"].includes(app.status)) notFound();
  const t = await getTranslations("applications.withdraw");
  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <PageTitle>{app.registrationNumber ? t("titleNumber", { number: app.registrationNumber }) : t("title")}</PageTitle>
      {app.status === "WITHDRAWN" ? null : <p>{app.status === "DRAFT" ? t("leadDraft") : t("leadSubmitted")}</p>}
      <WithdrawButton applicationId={app.id} number={app.registrationNumber} withdrawn={app.status === "WITHDRAWN"} />
    </div>
  );
}
