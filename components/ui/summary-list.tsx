import type { ReactNode } from "react";

export type SummaryRow = {
  label: string;
  value: ReactNode;
  /** Identifiers (logins, IIN/BIN, numbers) in a fixed-width face. */
  mono?: boolean;
  testId?: string;
};

/** Label / value pairs of one record as a description list, the labels in a column of their own. */
export function SummaryList({ rows, className }: { rows: readonly SummaryRow[]; className?: string }) {
  return (
    <dl className={`grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr] ${className ?? "rounded-lg border border-slate-200 bg-white p-6"}`}>
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="font-medium text-slate-700">{r.label}</dt>
          <dd className={r.mono ? "font-mono" : undefined} data-testid={r.testId}>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
