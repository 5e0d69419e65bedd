import type { ComponentProps, ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import type { TBreakdownDimension, TBreakdownRow, TDeadlineCounts } from "@/lib/oversight/metrics";
import { DataTable, type TableColumn } from "@/components/ui/table";

type Row = { id: string; head: ReactNode; counts: TDeadlineCounts; total: boolean };
type Count = Exclude<keyof TDeadlineCounts, "stepDueSoon">;

/** Counts that are bad news when above zero: bold red in the rows (not in the total). */
const ALARM: ReadonlySet<Count> = new Set(["stepOverdue", "overdue"]);

/** The deadline counts per value of one dimension, each value drilling into its list, and a total row. */
export async function BreakdownTable({
  dimension,
  hours,
  rows,
  totals,
  rowLink,
}: {
  dimension: TBreakdownDimension;
  hours: number;
  rows: readonly TBreakdownRow[];
  totals: TDeadlineCounts;
  rowLink: (row: TBreakdownRow) => { href: ComponentProps<typeof Link>["href"]; label: string };
}) {
  const t = await getTranslations("supervisor");
  const counts: [Count, string][] = [
    ["stepOverdue", t("dashboard.stepColumn", { what: t("tiles.overdue") })],
    ["stepDueToday", t("dashboard.stepColumn", { what: t("tiles.dueToday") })],
    ["open", t("tiles.open")],
    ["overdue", t("dashboard.termColumn", { what: t("tiles.overdue") })],
    ["dueToday", t("dashboard.termColumn", { what: t("tiles.dueToday") })],
    ["dueSoon", t("dashboard.termColumn", { what: t("tiles.dueSoonHours", { hours }) })],
    ["deemedIssued", t("tiles.deemedIssued")],
  ];
  const columns: TableColumn<Row>[] = [
    { key: "head", header: t(`dashboard.dimensions.${dimension}`), rowHeader: true, cell: (r) => r.head },
    ...counts.map(([key, header]) => ({
      key,
      header,
      numeric: true,
      cell: (r: Row) => <span className={!r.total && ALARM.has(key) && r.counts[key] > 0 ? "font-bold text-red-800" : undefined}>{r.counts[key]}</span>,
    })),
  ];
  const body: Row[] = rows.map((r) => {
    const link = rowLink(r);
    return {
      id: String(r.key),
      counts: r,
      total: false,
      head: (
        <Link href={link.href} className="text-brand-700 underline underline-offset-4">
          {link.label}
        </Link>
      ),
    };
  });
  return (
    <DataTable
      caption={t("dashboard.breakdownCaption", { dimension: t(`dashboard.dimensions.${dimension}`) })}
      rows={[...body, { id: "total", head: <strong>{t("dashboard.total")}</strong>, counts: totals, total: true }]}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.total ? "border-t-2 border-slate-300 bg-slate-50 font-semibold" : undefined)}
      columns={columns}
    />
  );
}
