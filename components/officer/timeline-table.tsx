import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { DataTable } from "@/components/ui/table";
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
  const late = (s: TimelineStep) => s.dueAt !== null && (s.completedAt ? s.completedAt > s.dueAt : now > s.dueAt);
  return (
    <DataTable
      caption={t("timeline.caption")}
      rows={steps}
      rowKey={(s) => String(s.seq)}
      columns={[
        { key: "seq", header: "#", numeric: true, cell: (s) => s.seq },
        { key: "step", header: t("timeline.step"), rowHeader: true, cell: (s) => <span className="font-medium">{stepLabel(t, s.stepKey)}</span> },
        { key: "role", header: t("timeline.role"), cell: (s) => tr(s.role as never) },
        { key: "assignee", header: t("timeline.assignee"), cell: (s) => (s.completedById ? people[s.completedById] : s.assigneeId ? people[s.assigneeId] : undefined) ?? "—" },
        { key: "started", header: t("timeline.started"), className: "whitespace-nowrap", cell: (s) => dt(s.startedAt) },
        {
          key: "due",
          header: t("timeline.due"),
          className: "whitespace-nowrap",
          cell: (s) => (
            <>
              {dt(s.dueAt)}
              {late(s) ? <strong className="mt-1 block text-red-800">{s.completedAt ? t("timeline.completedLate") : t("timeline.overdue")}</strong> : null}
            </>
          ),
        },
        { key: "completed", header: t("timeline.completed"), className: "whitespace-nowrap", cell: (s) => dt(s.completedAt) },
        { key: "outcome", header: t("timeline.outcome"), cell: (s) => (s.outcome ? (to.has(s.outcome as never) ? to(s.outcome as never) : s.outcome) : t("timeline.open")) },
      ]}
    />
  );
}
