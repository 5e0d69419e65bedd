import { getLocale, getTranslations } from "next-intl/server";

/** Plain link to a CSV/PDF route: the browser downloads it with the session cookie. */
export async function ExportLink({ href, query, label, describedBy }: { href: string; query: Record<string, string | number | undefined | null>; label?: string; describedBy?: string }) {
  const locale = await getLocale();
  const t = await getTranslations("supervisor");
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, locale })) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return (
    <a href={`${href}?${params.toString()}`} aria-describedby={describedBy} className="inline-flex items-center gap-1 rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50">
      <span aria-hidden="true">⤓</span>
      {label ?? t("exportCsv")}
    </a>
  );
}
