"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TTrendSeries = { key: string; label: string; color: string; dash?: string };
export type TTrendRow = { bucket: string; label: string } & Record<string, number | null | string>;

/**
 * The indicators' trend as lines (0–100 %); a bucket with no data leaves a gap instead of a
 * misleading 0 %. The chart is decorative for screen readers (`role="img"` with a summary):
 * the same numbers are in the data table next to it.
 */
export function TrendChart({ rows, series, summary }: { rows: TTrendRow[]; series: TTrendSeries[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="h-72 w-full rounded-lg border border-slate-200 bg-white p-2">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis domain={[0, 100]} unit=" %" tick={{ fontSize: 12, fill: "#334155" }} width={56} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)} %` : "—")} />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
