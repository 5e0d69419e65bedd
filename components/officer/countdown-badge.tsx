import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/status/status-badge";

/** Structurally `TCountdown` of lib/cases/worklist (the UI does not import the data layer). */
export type Countdown = { level: "on_time" | "due_soon" | "overdue"; workingMinutes: number; days: number; hours: number; minutes: number };

const TONE: Record<Countdown["level"], string> = {
  on_time: "bg-green-100 text-green-900",
  due_soon: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-900",
};
const ICON: Record<Countdown["level"], string> = { on_time: "●", due_soon: "▲", overdue: "■" };

/**
 * On time / due soon / overdue with the working time left or overdue by ("2 h 15 min left",
 * "overdue by 1 working day"): the colour is never the only signal (a word and a shape too).
 * Falls back to the stored level when there is no live countdown.
 */
export async function CountdownBadge({ countdown, storedLevel }: { countdown: Countdown | null; storedLevel?: string | null }) {
  const t = await getTranslations("officer.countdown");
  if (!countdown) return storedLevel ? <DeadlineBadge level={storedLevel} /> : <span className="text-slate-600">{t("noDue")}</span>;
  const { days, hours, minutes } = countdown;
  const parts = [
    days ? t("days", { count: days }) : null,
    hours ? t("hours", { count: hours }) : null,
    minutes && !days ? t("minutes", { count: minutes }) : null,
  ].filter(Boolean);
  const time = parts.length ? parts.join(" ") : t("lessThanMinute");
  return (
    <span className={`inline-flex flex-col rounded px-2 py-0.5 text-sm ${TONE[countdown.level]}`}>
      <span className="font-semibold">
        <span aria-hidden="true">{ICON[countdown.level]} </span>
        {t(countdown.level)}
      </span>
      <span>{countdown.level === "overdue" ? t("overdueBy", { time }) : t("left", { time })}</span>
    </span>
  );
}
