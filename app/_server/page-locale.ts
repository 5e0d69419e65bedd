import { getLocale, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/platform/i18n";

/** What Next passes to a page under app/[locale]: the locale segment and the query string. */
export type LocalePageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * Sets the request's locale from the page's URL segment (so next-intl can render it statically)
 * and returns the locale next-intl resolved (the middleware has checked the segment).
 */
export async function pageLocale(params: LocalePageProps["params"]): Promise<Locale> {
  setRequestLocale((await params).locale);
  return (await getLocale()) as Locale;
}
