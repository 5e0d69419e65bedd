import { getTranslations } from "next-intl/server";

const TONE = {
  in_force: "bg-green-100 text-green-900",
  future: "bg-brand-100 text-brand-800",
  past: "bg-slate-200 text-slate-800",
} as const;

/** "In force" / "From a later date" / "Ended" for a regulation version, on the reader's today. */
export async function ValidityBadge({ validity }: { validity: keyof typeof TONE }) {
  const t = await getTranslations("admin.regulations.validity");
  return <span className={`mt-1 inline-block rounded px-2 py-0.5 text-xs font-medium ${TONE[validity]}`}>{t(validity)}</span>;
}
