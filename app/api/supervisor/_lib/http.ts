import { z } from "zod";
import { createTranslator } from "use-intl/core";
import { refuse } from "@/app/_server/route";
import type { UserActor } from "@/lib/platform/auth";
import { DEFAULT_LOCALE, LOCALES, TIME_ZONE, loadMessages, type Locale } from "@/lib/platform/i18n";
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
  // The labels of the chosen language straight from the message files (no Next request context needed).
  const t = createTranslator({ locale: locale.data, messages: loadMessages(locale.data) as Record<string, never>, timeZone: TIME_ZONE }) as unknown as TTranslate;
  return { actor, locale: locale.data, query, t };
}
