import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";

export type TSupervisorSection = "dashboard" | "quality" | "complaints" | "audit";

const HREF: Record<TSupervisorSection, string> = {
  dashboard: "/supervisor",
  quality: "/supervisor/quality",
  complaints: "/supervisor/complaints",
  audit: "/supervisor/audit",
};

/** The supervisor area's own navigation (heads only handle complaints; administrators read). */
export async function SupervisorNav({ sections, current }: { sections: readonly TSupervisorSection[]; current?: TSupervisorSection }) {
  const t = await getTranslations("supervisor.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-300">
      <ul className="flex flex-wrap gap-1">
        {sections.map((s) => (
          <li key={s}>
            <Link
              href={HREF[s]}
              aria-current={s === current ? "page" : undefined}
              className={`inline-block rounded-t px-4 py-2 font-medium ${s === current ? "border-b-4 border-brand-700 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {t(s)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
