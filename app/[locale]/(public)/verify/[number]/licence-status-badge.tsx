import { getTranslations } from "next-intl/server";

/** Colour, symbol and text together: the status never depends on colour alone. */
const TONE: Record<string, { cls: string; symbol: string }> = {
  ACTIVE: { cls: "border-green-700 bg-green-50 text-green-900", symbol: "✓" },
  SUSPENDED: { cls: "border-amber-600 bg-amber-50 text-amber-900", symbol: "❚❚" },
  TERMINATED: { cls: "border-red-700 bg-red-50 text-red-900", symbol: "✕" },
  SUPERSEDED: { cls: "border-slate-500 bg-slate-100 text-slate-800", symbol: "↻" },
};

export async function LicenceStatusBadge({ status, size = "md" }: { status: string; size?: "md" | "lg" }) {
  const t = await getTranslations("licences.status");
  const tone = TONE[status] ?? { cls: "border-slate-400 bg-slate-100 text-slate-800", symbol: "•" };
  const dim = size === "lg" ? "gap-2 border-2 px-4 py-2 text-xl" : "gap-1.5 border px-2 py-0.5 text-sm";
  return (
    <span className={`inline-flex items-center rounded font-semibold ${dim} ${tone.cls}`} data-status={status}>
      <span aria-hidden="true">{tone.symbol}</span>
      {t(status)}
    </span>
  );
}
