"use client";

import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/components/i18n/navigation";

const ITEMS = [
  { href: "/admin", key: "organisations", match: (p: string) => p === "/admin" || p.startsWith("/admin/organisations") },
  { href: "/admin/officers", key: "officers", match: (p: string) => p.startsWith("/admin/officers") },
  { href: "/admin/calendar", key: "calendar", match: (p: string) => p.startsWith("/admin/calendar") },
  { href: "/admin/regulations", key: "regulations", match: (p: string) => p.startsWith("/admin/regulations") },
  { href: "/admin/certificates", key: "certificates", match: (p: string) => p.startsWith("/admin/certificates") },
  { href: "/admin/sign-in-throttle", key: "throttle", match: (p: string) => p.startsWith("/admin/sign-in-throttle") },
] as const;

/** Sections of the administration area; the current one is marked for screen readers too. */
export function AdminNav() {
  const t = useTranslations("admin.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-1">
        {ITEMS.map((i) => {
          const current = i.match(pathname);
          return (
            <li key={i.href}>
              <Link
                href={i.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-4 px-3 py-2 font-semibold underline-offset-4 hover:underline ${current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700"}`}
              >
                {t(i.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
