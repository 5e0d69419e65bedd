import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { stepLabel } from "./step-label";

export type TimelineStep = {
  seq: number;
  stepKey: string;
  role: string;
  assigneeId: string | null;
  startedAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  completedById: string | null;
  outcome: string | null;
};

/** Every step so far: name, role, person, started, due, completed, outcome; late steps marked in words. */
export async function TimelineTable({ steps, people, now }: { steps: TimelineStep[]; people: Record<string, string>; now: Date }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer");
  const tr = await getTranslations("common.roles");
  const to = await getTranslations("workflow.outcome");
  if (!steps.length) return <p className="text-slate-700">{t("timeline.empty")}</p>;
  const dt = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">{t("timeline.caption")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">#</th>
            <th scope="col" className="p-2">{t("timeline.step")}</th>
            <th scope="col" className="p-2">{t("timeline.role")}</th>
            <th scope="col" className="p-2">{t("timeline.assignee")}</th>
            <th scope="col" className="p-2">{t("timeline.started")}</th>
            <th scope="col" className="p-2">{t("timeline.due")}</th>
            <th scope="col" className="p-2">{t("timeline.completed")}</th>
            <th scope="col" className="p-2">{t("timeline.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => {
            const late = s.dueAt !== null && (s.completedAt ? s.completedAt > s.dueAt : now > s.dueAt);
            const person = s.completedById ? people[s.completedById] : s.assigneeId ? people[s.assigneeId] : undefined;
            const outcome = s.outcome ? (to.has(s.outcome as never) ? to(s.outcome as never) : s.outcome) : t("timeline.open");
            return (
              <tr key={s.seq} className="border-t border-slate-200 align-top">
                <td className="p-2">{s.seq}</td>
                <th scope="row" className="p-2 font-medium">
                  {stepLabel(t, s.stepKey)}
                </th>
                <td className="p-2">{tr(s.role as never)}</td>
                <td className="p-2">{person ?? "—"}</td>
                <td className="p-2 whitespace-nowrap">{dt(s.startedAt)}</td>
                <td className="p-2 whitespace-nowrap">
                  {dt(s.dueAt)}
                  {late ? <strong className="mt-1 block text-red-800">{s.completedAt ? t("timeline.completedLate") : t("timeline.overdue")}</strong> : null}
                </td>
                <td className="p-2 whitespace-nowrap">{dt(s.completedAt)}</td>
                <td className="p-2">{outcome}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
