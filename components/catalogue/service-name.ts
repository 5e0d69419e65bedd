import { getService } from "@/lib/law/catalogue";
import type { Locale } from "@/lib/platform/i18n";

/** A service's short title in the page's language; its code when the catalogue does not have it (a withdrawn service). */
export function serviceShortName(code: string, locale: Locale): string {
  return getService(code)?.shortTitle[locale] ?? code;
}
