import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";

type Step = { seq: number; stepKey: string; role: string; startedAt: Date; dueAt: Date | null; completedAt: Date | null; outcome: string | null; assigneeName: string | null };

/** The usual course of an application, for "what happens next" (the regulation may add steps in between). */
const USUAL_COURSE = ["register", "review", "sign", "hand_over"] as const;

/**
 * The application's steps as a step-by-step list (GOV.UK step-by-step): finished steps in the past
 * tense with when they were done, the current step in the present with its due instant, and, while
 * the application is open, the usual steps still to come. Overdue steps are marked in words.
 */
export async function Timeline({ steps, now, open = true }: { steps: Step[]; now: Date; open?: boolean }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications.timeline");
  const tw = await getTranslations("workflow");
  const tr = await getTranslations("common.roles");
  if (!steps.length) return <p className="text-slate-700">{t("empty")}</p>;
  // A step whose draft the head returned for revision is passed again: it does not count as reached.
  const live = steps.filter((s) => s.outcome !== "returned");
  const reached = new Set(live.map((s) => s.stepKey));
  const future = open ? USUAL_COURSE.filter((k) => !reached.has(k) && live.every((s) => USUAL_COURSE.indexOf(s.stepKey as never) < USUAL_COURSE.indexOf(k))) : [];
  const name = (s: Step) => {
    if (s.outcome === "returned") return tw("stepReturned");
    const key = s.completedAt ? `stepDone.${s.stepKey}` : `step.${s.stepKey}`;
    return tw.has(key as never) ? tw(key as never) : tw.has(`step.${s.stepKey}` as never) ? tw(`step.${s.stepKey}` as never) : t("otherStep");
  };
  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-brand-100 pl-5" data-testid="timeline">
      {steps.map((s) => {
        const late = s.dueAt && (s.completedAt ? s.completedAt > s.dueAt : now > s.dueAt);
        return (
          <li key={s.seq} data-state={s.completedAt ? "done" : "current"}>
            <p className="font-semibold">
              <span className={`mr-2 inline-block rounded px-1.5 text-xs font-bold uppercase ${s.completedAt ? "bg-green-100 text-green-900" : "bg-brand-100 text-brand-800"}`}>
                {s.completedAt ? t("doneLabel") : t("nowLabel")}
              </span>
              {name(s)}{" "}
              <span className="font-normal text-slate-700">
                · {tr(s.role as never)}
                {s.assigneeName ? ` · ${s.assigneeName}` : ""}
              </span>
            </p>
            <p className="text-sm text-slate-700">
              {s.completedAt
                ? t("completed", { at: formatDateTime(s.completedAt, locale) })
                : `${t("started", { at: formatDateTime(s.startedAt, locale) })}${s.dueAt ? ` · ${t("due", { at: formatDateTime(s.dueAt, locale) })}` : ""}`}
              {late ? <strong className="ml-2 text-red-800">{t("late")}</strong> : null}
            </p>
          </li>
        );
      })}
      {future.map((k) => (
        <li key={k} data-state="future" className="text-slate-700">
          <p>
            <span className="mr-2 inline-block rounded bg-slate-100 px-1.5 text-xs font-bold uppercase text-slate-800">{t("nextLabel")}</span>
            {tw(`stepNext.${k}` as never)}
          </p>
        </li>
      ))}
    </ol>
  );
}
