"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/components/i18n/navigation";
import { LOCALES } from "@/lib/platform/i18n/config";

export function LocaleSwitcher() {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const t = useTranslations("common");
  const query = Object.fromEntries(search.entries());
  return (
    <nav aria-label={t("language")}>
      <ul className="flex gap-1 text-sm">
        {LOCALES.map((l) => (
          <li key={l}>
            <Link
              href={{ pathname, query }}
              locale={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className={`rounded px-2 py-1 ${l === locale ? "bg-white font-semibold text-brand-800" : "hover:bg-brand-600"}`}
            >
              {t(`locales.${l}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
