import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { refuse } from "@/app/_server/route";
import type { UserActor } from "@/lib/platform/auth";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/platform/i18n";
import type { TTranslate } from "@/lib/oversight/reports";

const ZLocale = z.enum(LOCALES).default(DEFAULT_LOCALE);

/**
 * The request's query for an export: `locale` picks the language of the labels; everything else is
 * validated by the use case's own zod schema. The actor comes from `route()` (never a parameter).
 */
export async function exportContext(actor: UserActor, url: URL): Promise<{ actor: UserActor; locale: Locale; query: Record<string, string>; t: TTranslate } | Response> {
  const all = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  const { locale: rawLocale, ...query } = all;
  const locale = ZLocale.safeParse(rawLocale);
  if (!locale.success) return refuse("validation.failed");
  const t = (await getTranslations({ locale: locale.data })) as unknown as TTranslate;
  return { actor, locale: locale.data, query, t };
}
