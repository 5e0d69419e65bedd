import { getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { deadlineOverview } from "@/lib/metrics";
import { PageTitle } from "@/components/ui/page-title";

export default async function SupervisorHome() {
  const actor = await requireActor(["SUPERVISOR"]);
  const t = await getTranslations("supervisor");
  const o = await deadlineOverview(getDb(), actor);
  const tiles = [
    { key: "open", value: o.open, tone: "border-brand-700" },
    { key: "dueSoon", value: o.dueSoon, tone: "border-amber-500" },
    { key: "overdue", value: o.overdue, tone: "border-red-700" },
    { key: "deemedIssued", value: o.deemedIssued, tone: "border-purple-700" },
  ] as const;
  return (
    <div>
      <PageTitle lead={t(`scope.${actor.supervisorScope ?? "ORGANISATION"}`)}>{t("title")}</PageTitle>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.key} className={`rounded-lg border-l-4 bg-white p-4 shadow-sm ${tile.tone}`}>
            <p className="text-sm text-slate-700">{t(`tiles.${tile.key}`)}</p>
            <p className="text-3xl font-bold">{tile.value}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
