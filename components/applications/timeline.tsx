import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";

type Step = { seq: number; stepKey: string; role: string; startedAt: Date; dueAt: Date | null; completedAt: Date | null; outcome: string | null; assigneeName: string | null };

/** Every step of the regulation with who, when and the deadline; overdue steps are marked in words. */
export async function Timeline({ steps, now }: { steps: Step[]; now: Date }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications.timeline");
  const tw = await getTranslations("workflow");
  const tr = await getTranslations("common.roles");
  if (!steps.length) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-brand-100 pl-5">
      {steps.map((s) => {
        const late = s.dueAt && (s.completedAt ? s.completedAt > s.dueAt : now > s.dueAt);
        const stepName = tw.has(`step.${s.stepKey}` as never) ? tw(`step.${s.stepKey}` as never) : s.stepKey;
        return (
          <li key={s.seq}>
            <p className="font-semibold">
              {stepName} <span className="font-normal text-slate-700">· {tr(s.role as never)}{s.assigneeName ? ` · ${s.assigneeName}` : ""}</span>
            </p>
            <p className="text-sm text-slate-700">
              {t("started", { at: formatDateTime(s.startedAt, locale) })}
              {s.dueAt ? ` · ${t("due", { at: formatDateTime(s.dueAt, locale) })}` : ""}
              {s.completedAt ? ` · ${t("completed", { at: formatDateTime(s.completedAt, locale) })}` : ` · ${t("inProgress")}`}
              {late ? <strong className="ml-2 text-red-800">{t("late")}</strong> : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
